using System.Net;
using System.Text.Json.Nodes;

namespace ControlCenter.Host.Tests.Open;

/// <summary>Hostile requests: every one refused with NGSI-LD problem details that echo nothing raw or long.</summary>
public partial class NgsiLdTests
{
    [TestCase("?type=Vehicle", 400, true)]
    [TestCase("?type=airqualityobserved", 400, true)]
    [TestCase("", 400, true)]
    [TestCase("?type=AirQualityObserved&type=ParkingSpot", 400, true)]
    [TestCase("?type=%3Cscript%3Ealert(1)%3C/script%3E", 400, true)]
    [TestCase("?type=AirQualityObserved&options=%3Cscript%3Ealert(1)%3C/script%3E", 400, false)]
    [TestCase("?type=AirQualityObserved&options=sysAttrs", 400, false)]
    [TestCase("?type=AirQualityObserved&options=keyValues&options=normalized", 400, false)]
    [TestCase("?type=AirQualityObserved&q=pm25%3E10", 400, false)]
    [TestCase("/not-a-urn", 400, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:AQ_HANG_DAU", 400, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:aq-hang-dau:extra", 400, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:aq-hang-dau?options=%3Cscript%3E", 400, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:aq-hang-dau?type=ParkingSpot", 400, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:aq-nowhere", 404, false)]
    [TestCase("/urn:ngsi-ld:AirQualityObserved:wq-ho-tay-tran-quoc", 404, false)]
    [TestCase("/urn:ngsi-ld:airqualityobserved:aq-hang-dau", 404, false)]
    [TestCase("/urn:ngsi-ld:Vehicle:aq-hang-dau", 404, true)]
    public async Task HostileInput_IsRefusedWithProblemDetails(string tail, int status, bool listsTypes)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync(Entities + tail);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(text, Does.Not.Contain("<script>"), "input is never echoed raw");
        var problem = JsonNode.Parse(text)!;
        Assert.That((string?)problem["type"], Is.EqualTo(status == 400 ? "https://uri.etsi.org/ngsi-ld/errors/BadRequestData" : "https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound"));
        if (listsTypes) Assert.That(problem["validTypes"]!.AsArray().Select(t => (string?)t), Is.EquivalentTo(SchemaTypes));
    }

    [TestCase("/urn:ngsi-ld:AirQualityObserved:")]
    [TestCase("/urn:ngsi-ld:")]
    [TestCase("/")]
    [TestCase("?type=")]
    public async Task OverlongInput_IsRefused_AndClippedInTheAnswer(string tail)
    {
        using var client = Host.Anonymous();
        var flood = new string('a', 4000);
        using var response = await client.GetAsync(Entities + tail + flood);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(text, Does.Not.Contain(new string('a', 65)), "at most 64 characters of the input come back");
    }
}
