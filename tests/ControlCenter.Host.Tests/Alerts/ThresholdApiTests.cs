using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Host.Wall.Review;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Alerts;

/// <summary>Threshold packs at run time: read by anyone signed in, replaced whole by an admin, validated, versioned, audited, applied.</summary>
public class ThresholdApiTests : SqliteHostFixture
{
    private async Task<JsonObject> Current()
    {
        using var client = Host.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>("/api/v1/thresholds"))!;
    }

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Test]
    public async Task Get_ShowsEveryPackWithItsVersion()
    {
        var document = await Current();
        Assert.That(document["version"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(0));
        var packs = document["packs"]!.AsObject();
        Assert.That(packs.Select(p => p.Key), Is.SupersetOf(new[] { "vnAqi", "usAqi", "water", "rain", "flood", "traffic", "parking", "health", "alerting" }));
        Assert.That(packs["flood"]!["majorCm"]!.GetValue<double>(), Is.EqualTo(20));
        Assert.That(packs["vnAqi"]!["breakpoints"]!["pm25"]!.AsArray().Select(v => v!.GetValue<double>()), Is.EqualTo(new double[] { 0, 25, 50, 80, 150, 250, 350, 500 }));
    }

    [Test]
    public async Task Put_ByAnAdmin_ChangesTheLinesTheSensorsAndRulesUse_AndIsAudited()
    {
        var document = await Current();
        var version = document["version"]!.GetValue<long>();
        var packs = document["packs"]!.DeepClone();
        packs["flood"]!["warningCm"] = 12;

        using var admin = await Host.SignedIn("admin");
        using var response = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = version, ["packs"] = packs }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That((stored!["version"]!.GetValue<long>(), stored["changedBy"]!.GetValue<string>()), Is.EqualTo((version + 1, "admin")));
        Assert.That((await Current())["packs"]!["flood"]!["warningCm"]!.GetValue<double>(), Is.EqualTo(12));

        // 11 cm was "warning" under the shipped pack; the sensor's derived level now follows the new line.
        using var gateway = Host.Ingester();
        using var ingest = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-hai-ba-trung", DateTimeOffset.UtcNow, new { depthCm = 11 })));
        Assert.That((await Host.Entity("fl-hai-ba-trung")).Derived["floodLevel"]?.ToString(), Is.EqualTo("none"));

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "thresholds-changed");
        Assert.That(entry.GetProperty("detail").GetString(), Is.EqualTo("changed: flood"));

        packs["flood"]!["warningCm"] = 10;
        using var back = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = version + 1, ["packs"] = packs.DeepClone() }));
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task IncidentReview_JudgesAMomentBeforeAChange_ByThePacksThenInForce()
    {
        using (var gateway = Host.Ingester())
        using (var ingest = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-nguyen-khuyen", DateTimeOffset.UtcNow, new { depthCm = 11 }))))
            Assert.That(ingest.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var beforeTheChange = DateTimeOffset.UtcNow;
        var document = await Current();
        var version = document["version"]!.GetValue<long>();
        var packs = document["packs"]!.DeepClone();
        packs["flood"]!["warningCm"] = 12;
        using var admin = await Host.SignedIn("admin");
        using (var change = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = version, ["packs"] = packs.DeepClone() })))
            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        try
        {
            using var scope = Host.Services.CreateScope();
            var moment = scope.ServiceProvider.GetRequiredService<WallMoment>();
            string? FloodLevel(WallSnapshot snapshot) => snapshot.States.Single(s => s.EntityId == "fl-nguyen-khuyen").Derived["floodLevel"]?.ToString();

            Assert.That(FloodLevel(await moment.At(beforeTheChange, CancellationToken.None)), Is.EqualTo("warning"), "11 cm by the 10-cm line then in force");
            Assert.That(FloodLevel(await moment.At(DateTimeOffset.UtcNow, CancellationToken.None)), Is.EqualTo("none"), "11 cm by today's 12-cm line");
        }
        finally
        {
            packs["flood"]!["warningCm"] = 10;
            using var back = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = version + 1, ["packs"] = packs }));
            Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Put_WithAStaleVersion_Is409AndChangesNothing()
    {
        var document = await Current();
        var packs = document["packs"]!.DeepClone();
        packs["rain"]!["heavyMmPerHour"] = 12;
        using var admin = await Host.SignedIn("admin");
        using var response = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = document["version"]!.GetValue<long>() - 1, ["packs"] = packs }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await Current())["packs"]!["rain"]!["heavyMmPerHour"]!.GetValue<double>(), Is.EqualTo(10));
    }

    [TestCase("flood", "majorCm", 5)]
    [TestCase("water", "doCriticalMgL", 9)]
    [TestCase("parking", "fullRatio", 1.5)]
    [TestCase("alerting", "clearHoldMinutes", -3)]
    public async Task Put_InvalidPack_Is400WithTheReason(string pack, string field, double value)
    {
        var document = await Current();
        var packs = document["packs"]!.DeepClone();
        packs[pack]![field] = value;
        using var admin = await Host.SignedIn("admin");
        using var response = await admin.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = packs }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!.AsArray().Select(e => e!.GetValue<string>()), Has.Some.StartsWith(pack));
        Assert.That((await Current())["version"]!.GetValue<long>(), Is.EqualTo(document["version"]!.GetValue<long>()));
    }

    [TestCase("""{"version":0}""")]
    [TestCase("""{"version":0,"packs":{"flood":{"warningCm":1,"majorCm":2,"criticalCm":3}}}""")]
    [TestCase("""{"version":"zero","packs":{}}""")]
    [TestCase("""not json""")]
    public async Task Put_MalformedOrPartial_Is400(string body)
    {
        using var admin = await Host.SignedIn("admin");
        using var response = await admin.PutAsync("/api/v1/thresholds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("operator")]
    [TestCase("responder")]
    public async Task Put_ByAnyoneButAnAdmin_Is403(string user)
    {
        var document = await Current();
        using var client = await Host.SignedIn(user);
        using var response = await client.PutAsync("/api/v1/thresholds", Body(new JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = document["packs"]!.DeepClone() }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
