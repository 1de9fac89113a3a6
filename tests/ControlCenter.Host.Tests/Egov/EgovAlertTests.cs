using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;
using static ControlCenter.Host.Tests.Egov.EgovFigures;

namespace ControlCenter.Host.Tests.Egov;

/// <summary>The on-time alert: raised for a department below its target, cleared and resolved by a corrective import.</summary>
public class EgovAlertTests : SqliteHostFixture
{
    private async Task<JsonElement[]> EgovAlerts(string department)
    {
        using var client = Host.CreateClient();
        var alerts = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?domain=egov");
        return [.. alerts!.Where(a => a.GetProperty("scope").GetString() == department)];
    }

    private static async Task Import(HttpClient admin, params string[] lines)
    {
        using var response = await admin.PostAsync("/api/v1/egov/figures", Csv(lines));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task BelowTarget_RaisesTheAlert_ACorrectiveImportClearsAndResolvesIt()
    {
        using var admin = await Host.SignedIn("admin");
        await Import(admin, Line("alert-a", "2017-10", onTime: 990), Line("alert-a", "2017-11", onTime: 930, name: "Sở Thử nghiệm cảnh báo"));

        var raised = await Eventually.Until(() => EgovAlerts("alert-a"), a => a.Length == 1, "the on-time alert of alert-a");
        var alert = raised[0];
        Assert.That(alert.GetProperty("ruleId").GetString(), Is.EqualTo("egov.on-time-below-target"));
        Assert.That(alert.GetProperty("severity").GetString(), Is.EqualTo("minor"));
        Assert.That(alert.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(alert.GetProperty("domains").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "egov" }));
        Assert.That(alert.TryGetProperty("zoneId", out _), Is.False, "a department is city-wide: no zone");
        Assert.That(alert.GetProperty("title").GetString(), Does.EndWith("Sở Thử nghiệm cảnh báo"));
        var evidence = alert.GetProperty("evidence").EnumerateArray()
            .Select(e => (e.GetProperty("entityId").GetString(), e.GetProperty("metric").GetString(), e.GetProperty("value").GetDouble())).ToList();
        Assert.That(evidence, Is.EqualTo(new[] { ("alert-a", "onTimePct", 93.0), ("alert-a", "targetPct", 95.0) }));
        Assert.That(alert.GetProperty("evidence")[0].GetProperty("ts").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(alert.GetProperty("sop").GetArrayLength(), Is.GreaterThanOrEqualTo(3));

        // A later month far below target: the same alert, now major.
        await Import(admin, Line("alert-a", "2017-12", onTime: 880));
        var major = await Eventually.Until(() => EgovAlerts("alert-a"), a => a.Length == 1 && a[0].GetProperty("severity").GetString() == "major", "the alert to turn major");
        Assert.That(major[0].GetProperty("id").GetString(), Is.EqualTo(alert.GetProperty("id").GetString()));

        // The department corrects December: back at target, the alert resolves by itself.
        await Import(admin, Line("alert-a", "2017-12", onTime: 960));
        var resolved = await Eventually.Until(() => EgovAlerts("alert-a"), a => a.Length == 1 && a[0].GetProperty("status").GetString() == "resolved", "the alert to resolve");
        Assert.That(resolved[0].GetProperty("resolution").GetString(), Is.EqualTo("auto"));
        Assert.That(resolved[0].GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Does.Contain("condition-cleared"));
    }

    [Test]
    public async Task ReimportingTheSameFigures_RaisesNothingNew()
    {
        using var admin = await Host.SignedIn("admin");
        await Import(admin, Line("alert-b", "2017-11", onTime: 940));
        await Eventually.Until(() => EgovAlerts("alert-b"), a => a.Length == 1, "the on-time alert of alert-b");
        await Import(admin, Line("alert-b", "2017-11", onTime: 940));
        var alerts = await EgovAlerts("alert-b");
        Assert.That((alerts.Length, alerts[0].GetProperty("count").GetInt32(), alerts[0].GetProperty("timeline").GetArrayLength()), Is.EqualTo((1, 1, 1)));
    }

    [Test]
    public async Task ADepartmentsOwnTarget_SetByAnAdmin_AppliesAtOnce()
    {
        using var admin = await Host.SignedIn("admin");
        await Import(admin, Line("alert-c", "2017-11", onTime: 980));
        Assert.That(await EgovAlerts("alert-c"), Is.Empty, "98 % meets the default 95 %");

        var document = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/thresholds"))!;
        var packs = document["packs"]!.DeepClone();
        packs["egov"]!["departmentTargets"] = new JsonObject { ["alert-c"] = 99 };
        using var put = await admin.PutAsJsonAsync("/api/v1/thresholds", new JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = packs });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var raised = await Eventually.Until(() => EgovAlerts("alert-c"), a => a.Length == 1, "the alert under the department's own 99 % target");
        Assert.That(raised[0].GetProperty("evidence")[1].GetProperty("value").GetDouble(), Is.EqualTo(99));
        using var client = Host.CreateClient();
        var trend = await client.GetFromJsonAsync<JsonElement>("/api/v1/egov/departments/alert-c");
        Assert.That((trend.GetProperty("targetPct").GetDouble(), trend.GetProperty("months")[0].GetProperty("belowTarget").GetBoolean()), Is.EqualTo((99.0, true)));
    }
}
