using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Api;
using ControlCenter.Host.Open;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The public surface in the generated contract: each address with its tag, the rules every caller must know,
/// its real content type, and the 304 and 429 it can answer. The portal page is for people and stays out.
/// </summary>
public class OpenDataContractTests : SqliteHostFixture
{
    private JsonObject _paths = null!;

    [OneTimeSetUp]
    public async Task ReadTheDocument()
    {
        using var client = Host.CreateClient();
        _paths = (await client.GetFromJsonAsync<JsonObject>(ApiDocumentation.DocumentPath))!["paths"]!.AsObject();
    }

    private IEnumerable<(string Path, JsonObject Get)> OpenOperations() =>
        _paths.Where(p => p.Key.StartsWith("/open/", StringComparison.Ordinal)).Select(p => (p.Key, p.Value!["get"]!.AsObject()));

    [TestCase("/open/v1/summary", "application/json")]
    [TestCase("/open/v1/air/{id}/history", "application/json")]
    [TestCase("/open/v1/stations", "application/json")]
    [TestCase("/open/v1/stations/{id}/{date}.csv", "text/csv")]
    [TestCase("/open/v1/warnings.atom", "application/atom+xml")]
    [TestCase("/open/v1/warnings/{id}.cap", "application/cap+xml")]
    [TestCase("/open/ngsi-ld/v1/entities", "application/ld+json")]
    [TestCase("/open/ngsi-ld/v1/entities/urn:ngsi-ld:AirQualityObserved:{id}", "application/ld+json")]
    public void AnAddress_DeclaresItsContentType(string path, string contentType)
    {
        Assert.That(_paths[path]?["get"]?["responses"]?["200"]?["content"]?.AsObject().Select(c => c.Key), Does.Contain(contentType), path);
    }

    [Test]
    public void EveryOpenAddress_IsTagged_NamesTheRules_AndDeclares304And429()
    {
        var operations = OpenOperations().ToList();
        Assert.That(operations, Has.Count.GreaterThan(20), "the open data API and the NGSI-LD entities are in the document");
        foreach (var (path, get) in operations)
        {
            var tag = path.StartsWith("/open/ngsi-ld/", StringComparison.Ordinal) ? "NGSI-LD" : "Open data";
            Assert.That(get["tags"]!.AsArray().Select(t => (string?)t), Is.EqualTo(new[] { tag }), path);
            Assert.That((string?)get["description"], Does.Contain("Anonymous").And.Contain("ETag").And.Contain("plates"), path);
            Assert.That(get["responses"]!.AsObject().Select(r => r.Key), Does.Contain("304").And.Contain("429"), path);
        }
    }

    [Test]
    public void ThePortalPage_IsNotInTheContract()
    {
        Assert.That(_paths.Select(p => p.Key), Does.Not.Contain(OpenSurface.PortalPath));
    }
}
