using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using static ControlCenter.Host.Tests.Egov.EgovFigures;

namespace ControlCenter.Host.Tests.Egov;

/// <summary>Importing the figures over HTTP: CSV and JSON, replace, all or nothing, limits, metrics and audit.</summary>
public class EgovImportTests : SqliteHostFixture
{
    private async Task<JsonElement[]> Rows(string department)
    {
        using var client = Host.CreateClient();
        return (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/egov/figures?department={department}"))!;
    }

    [Test]
    public async Task Import_CsvByAnAdmin_IsStored_AndReadBackWithWhoAndWhen()
    {
        using var admin = await Host.SignedIn("admin");
        var before = DateTimeOffset.UtcNow;
        using var response = await admin.PostAsync("/api/v1/egov/figures", Csv(Line("csv-a", "2017-11"), Line("csv-a", "2017-12", onTime: 990)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((body.GetProperty("imported").GetInt32(), body.GetProperty("added").GetInt32(), body.GetProperty("replaced").GetInt32()), Is.EqualTo((2, 2, 0)));

        var rows = await Rows("csv-a");
        Assert.That(rows.Select(r => (r.GetProperty("month").GetString(), r.GetProperty("settledOnTime").GetInt64())), Is.EqualTo(new[] { ("2017-11", 980L), ("2017-12", 990L) }));
        Assert.That(rows[0].GetProperty("nameEn").GetString(), Is.EqualTo("Department of Tests, csv-a"));
        Assert.That(rows[0].GetProperty("importedBy").GetString(), Is.EqualTo("admin"));
        Assert.That(rows[0].GetProperty("importedAt").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(before.AddSeconds(-1)));

        using var client = Host.CreateClient();
        var december = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/egov/figures?department=csv-a&from=2017-12&to=2017-12");
        Assert.That(december!.Select(r => r.GetProperty("month").GetString()), Is.EqualTo(new[] { "2017-12" }));
    }

    [Test]
    public async Task Import_JsonAgainForTheSameMonth_ReplacesTheRow()
    {
        using var admin = await Host.SignedIn("admin");
        using (var first = await admin.PostAsJsonAsync("/api/v1/egov/figures", new[] { Row("json-a", "2017-06", onTime: 970) }))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        using var again = await admin.PostAsJsonAsync("/api/v1/egov/figures", new[] { Row("json-a", "2017-06", onTime: 960), Row("json-a", "2017-07") });
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((body.GetProperty("added").GetInt32(), body.GetProperty("replaced").GetInt32()), Is.EqualTo((1, 1)));
        var rows = await Rows("json-a");
        Assert.That(rows.Select(r => (r.GetProperty("month").GetString(), r.GetProperty("settledOnTime").GetInt64())), Is.EqualTo(new[] { ("2017-06", 960L), ("2017-07", 980L) }));
    }

    [Test]
    public async Task Import_WithBadRows_StoresNothing_ListsEachError_CountsAndAuditsIt()
    {
        using var admin = await Host.SignedIn("admin");
        using var response = await admin.PostAsync("/api/v1/egov/figures", Csv(
            Line("bad-a", "2017-01"),
            Line("bad-a", "2017-02", settled: 100, onTime: 101),
            Line("bad-a", "2017-03"),
            "bad-a,\"Sở Thử nghiệm\",x,2017-13,10,10,10,10,-1,0,0"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.That(errors, Is.EqualTo(new[] { (3, "settledOnTime", "on-time-above-settled"), (5, "month", "bad-month"), (5, "overdue", "negative") }));
        Assert.That(problem.GetProperty("errorCount").GetInt32(), Is.EqualTo(3));
        Assert.That(await Rows("bad-a"), Is.Empty, "all or nothing: the good rows were not stored either");

        var metrics = await admin.GetStringAsync("/metrics");
        Assert.That(metrics, Does.Contain("controlcenter_egov_row_errors_total{code=\"on-time-above-settled\"}")
            .And.Contain("controlcenter_egov_imports_refused_total{status=\"400\"}"));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "egov-import-refused");
        Assert.That(entry.GetProperty("detail").GetString(), Does.StartWith("3 error(s); first: line 3 settledOnTime"));
        Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("admin"));
    }

    [Test]
    public async Task Import_BomAndQuotedCommas_AreRead()
    {
        using var admin = await Host.SignedIn("admin");
        var text = "\uFEFF" + Header + "\r\n" + Line("bom-a", "2017-05", name: "Sở Lao động – Thương binh và Xã hội") + "\r\n";
        using var response = await admin.PostAsync("/api/v1/egov/figures", new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray())
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await Rows("bom-a"))[0].GetProperty("name").GetString(), Is.EqualTo("Sở Lao động – Thương binh và Xã hội"));
    }

    [Test]
    public async Task Import_TooBigTooManyOrTheWrongType_IsRefusedWhole()
    {
        using var admin = await Host.SignedIn("admin");
        var many = Enumerable.Range(0, 5001).Select(i => Line($"many-{i}", "2017-01")).ToArray();
        using (var tooMany = await admin.PostAsync("/api/v1/egov/figures", Csv(many)))
            Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        using (var huge = await admin.PostAsync("/api/v1/egov/figures", Csv(Line("huge-a", "2017-01", name: new string('x', 3 * 1024 * 1024)))))
            Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        using (var xml = await admin.PostAsync("/api/v1/egov/figures", new StringContent("<rows/>", Encoding.UTF8, "application/xml")))
            Assert.That(xml.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        using (var latin1 = await admin.PostAsync("/api/v1/egov/figures", new ByteArrayContent([0x64, 0xE9, 0x0A]) { Headers = { ContentType = new("text/csv") } }))
            Assert.That(latin1.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var broken = await admin.PostAsync("/api/v1/egov/figures", new StringContent("[{", Encoding.UTF8, "application/json")))
            Assert.That(broken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Rows("many-0"), Is.Empty);
        Assert.That(await admin.GetStringAsync("/metrics"), Does.Contain("controlcenter_egov_imports_refused_total{status=\"413\"} 2"));
    }

    [Test]
    public async Task Import_OfAnotherContentType_IsRefusedByTheImportItself_NotByRouting()
    {
        // The contract declares the two body types; routing must not turn that into its own bare 415.
        using var admin = await Host.SignedIn("admin");
        using var plain = await admin.PostAsync("/api/v1/egov/figures", new StringContent("department,month", Encoding.UTF8, "text/plain"));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        var problem = await plain.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Unsupported content type"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("text/csv").And.Contain("application/json"));

        var contract = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var body = contract.GetProperty("paths").GetProperty("/api/v1/egov/figures").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.That(body.EnumerateObject().Select(c => c.Name), Is.EquivalentTo(new[] { "text/csv", "application/json" }));
    }
}
