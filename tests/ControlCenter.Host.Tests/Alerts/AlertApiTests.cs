using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Alerts;

/// <summary>
/// Alerts through the public surface: evidence ingested over HTTP, the alert on a SignalR subscription,
/// the responder's work over REST (with the roles the contract gives), every change back on the feed.
/// </summary>
public class AlertApiTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task<JsonElement> Alert(string id)
    {
        using var client = Host.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
    }

    private async Task<JsonElement> ManualAlert(string title, string severity = "major", string? zoneId = "ba-dinh")
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, severity, zoneId, note = "reported by phone" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Id(JsonElement alert) => alert.GetProperty("id").GetString()!;

    [Test]
    public async Task StormFlooding_IngestedOverHttp_ArrivesOnTheFeed_AcknowledgedOverRest_ChangeArrivesToo()
    {
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        await feed.Subscribe("alerts");
        using var gateway = Host.Ingester();
        var now = Now;
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(
            Json.Reading("rg-hoan-kiem", now.AddMinutes(-20), new { rainMm = 5 }),
            Json.Reading("rg-hoan-kiem", now.AddMinutes(-10), new { rainMm = 5 }),
            Json.Reading("rg-hoan-kiem", now, new { rainMm = 5 }),
            Json.Reading("fl-ly-thuong-kiet", now, new { depthCm = 25 })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var raised = await Eventually.Until(() => Task.FromResult(feed.AlertsOf("cross.storm-flooding")), a => a.Count > 0, "the storm-flooding alert on the feed");
        var alert = raised[^1];
        Assert.That(alert.GetProperty("severity").GetString(), Is.EqualTo("critical"));
        Assert.That(alert.GetProperty("title").GetString(), Is.EqualTo("Ngập úng"));
        Assert.That(alert.GetProperty("zoneId").GetString(), Is.EqualTo("hoan-kiem"));
        Assert.That(alert.GetProperty("domains").EnumerateArray().Select(d => d.GetString()), Is.EquivalentTo(new[] { "rain", "flood" }));
        Assert.That(alert.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()), Does.Contain("rg-hoan-kiem").And.Contain("fl-ly-thuong-kiet"));
        var children = alert.GetProperty("children").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.That(children, Has.Count.EqualTo(2));
        var childRules = new List<string>();
        foreach (var child in children) childRules.Add((await Alert(child)).GetProperty("ruleId").GetString()!);
        Assert.That(childRules, Is.EquivalentTo(new[] { "rain.heavy", "flood.depth" }));

        using var responder = await Host.SignedIn("responder");
        using var ack = await responder.PostAsJsonAsync($"/api/v1/alerts/{Id(alert)}/acknowledge", new { note = "đội chống ngập đang đến" });
        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var acknowledged = await Eventually.Until(() => Task.FromResult(feed.AlertsOf("cross.storm-flooding")),
            a => a.Any(x => x.GetProperty("status").GetString() == "acknowledged"), "the acknowledgement on the feed");
        var last = acknowledged.Last(x => x.GetProperty("status").GetString() == "acknowledged");
        Assert.That(last.GetProperty("acknowledgedBy").GetString(), Is.EqualTo("responder"));
        Assert.That(last.GetProperty("version").GetInt64(), Is.GreaterThan(alert.GetProperty("version").GetInt64()));

        // Flood → parking: the lot beside the flooded street is closed to drivers.
        var lot = await Eventually.Until(() => Host.Entity("p-ltk-01"), s => s.Derived["available"]?.ToString() == "False", "the flooded lot to be unavailable");
        Assert.That(lot.Derived["unavailableReason"]?.ToString(), Is.EqualTo("flood"));
        Assert.That(lot.Derived["free"]?.ToString(), Is.EqualTo("0"));
    }

    [Test]
    public async Task Snapshot_HoldsTheActiveAlerts()
    {
        var alert = await ManualAlert("Cây đổ chắn đường Hoàng Hoa Thám");
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await feed.Subscribe("zone:ba-dinh");
        Assert.That(snapshot.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Does.Contain(Id(alert)));
    }

    [Test]
    public async Task Acknowledge_TwoRespondersAtOnce_OneGets409WithWhoWon()
    {
        var alert = await ManualAlert("Mất điện trạm bơm Yên Sở");
        using var responder = await Host.SignedIn("responder");
        using var op = await Host.SignedIn("operator");
        var url = $"/api/v1/alerts/{Id(alert)}/acknowledge";
        var responses = await Task.WhenAll(responder.PostAsJsonAsync(url, new { }), op.PostAsJsonAsync(url, new { }));
        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winner = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString();
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(conflict.GetProperty("acknowledgedBy").GetString(), Is.EqualTo(winner));
        foreach (var r in responses) r.Dispose();
    }

    [Test]
    public async Task Responder_NotesTicksTheSopAndResolves_WithANote()
    {
        var alert = await ManualAlert("Nắp cống hở phố Huế");
        using var responder = await Host.SignedIn("responder");
        var id = Id(alert);
        using (var note = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = "đã rào chắn" }))
            Assert.That(note.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var step = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/sop/1", new { done = true }))
            Assert.That(step.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var noNote = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = " " }))
            Assert.That(noNote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a resolution says what was done");
        using (var resolve = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "đã thay nắp" }))
            Assert.That(resolve.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var stored = await Alert(id);
        Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(stored.GetProperty("resolution").GetString(), Is.EqualTo("manual"));
        Assert.That(stored.GetProperty("sop")[0].GetProperty("by").GetString(), Is.EqualTo("responder"));
        Assert.That(stored.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "raised", "note", "sop-done", "resolved" }));

        using var admin = await Host.SignedIn("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.That(audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.TryGetProperty("target", out var t) ? t.GetString() : null)),
            Does.Contain(("alert-resolved", id)).And.Contain(("alert-raised", id)));
    }

    [Test]
    public async Task ManualAlert_PostedTwice_IsOneAlertCountedTwice()
    {
        var first = await ManualAlert("Sạt lở bờ kè Hồ Tây", "minor", "tay-ho");
        var second = await ManualAlert("Sạt lở bờ kè Hồ Tây", "minor", "tay-ho");
        Assert.That(Id(second), Is.EqualTo(Id(first)));
        Assert.That(second.GetProperty("count").GetInt32(), Is.EqualTo(2));
    }

    [TestCase("viewer", "/api/v1/alerts/{id}/acknowledge", HttpStatusCode.Forbidden)]
    [TestCase("viewer", "/api/v1/alerts/{id}/notes", HttpStatusCode.Forbidden)]
    [TestCase("responder", "/api/v1/alerts", HttpStatusCode.Forbidden)]
    [TestCase("responder", "/api/v1/silences", HttpStatusCode.Forbidden)]
    public async Task Roles_LimitWhoMayActOnAlerts(string user, string path, HttpStatusCode expected)
    {
        var alert = await ManualAlert($"Kiểm tra quyền {user} {path.Length}");
        var before = (await Alert(Id(alert))).GetProperty("version").GetInt64();
        using var client = await Host.SignedIn(user);
        using var response = await client.PostAsJsonAsync(path.Replace("{id}", Id(alert), StringComparison.Ordinal),
            new { note = "x", text = "x", title = "x", severity = "minor", matcher = new { zoneId = "ba-dinh" }, until = Now.AddHours(1), reason = "x" });
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That((await Alert(Id(alert))).GetProperty("version").GetInt64(), Is.EqualTo(before), "nothing changed");
    }

    [Test]
    public async Task Acknowledge_WithAFeedTokenOrIngestKey_IsRefused()
    {
        var alert = await ManualAlert("Kiểm tra khóa máy");
        using var system = Host.CreateClient();
        using var viaToken = await system.PostAsJsonAsync($"/api/v1/alerts/{Id(alert)}/acknowledge", new { });
        using var gateway = Host.Ingester();
        using var viaKey = await gateway.PostAsJsonAsync($"/api/v1/alerts/{Id(alert)}/acknowledge", new { });
        Assert.That((viaToken.StatusCode, viaKey.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)).Or.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    [Test]
    public async Task Silence_ByAnOperator_IsListedAndSilencesMatchingAlerts_ThenRemoved()
    {
        using var op = await Host.SignedIn("operator");
        using var created = await op.PostAsJsonAsync("/api/v1/silences",
            new { matcher = new { zoneId = "long-bien", severity = "minor" }, until = Now.AddHours(2), reason = "bảo trì cầu Chương Dương" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var silenceId = silence.GetProperty("id").GetString();

        var alert = await ManualAlert("Đèn tín hiệu hỏng", "minor", "long-bien");
        Assert.That(alert.GetProperty("suppressed").GetProperty("id").GetString(), Is.EqualTo(silenceId));
        var other = await ManualAlert("Đèn tín hiệu hỏng", "major", "long-bien");
        Assert.That(other.TryGetProperty("suppressed", out _), Is.False, "a major alert does not match the minor silence");

        using var reader = Host.CreateClient();
        Assert.That((await reader.GetFromJsonAsync<JsonElement>("/api/v1/silences")).EnumerateArray().Select(s => s.GetProperty("id").GetString()), Does.Contain(silenceId));
        using (var removed = await op.DeleteAsync($"/api/v1/silences/{silenceId}")) Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var again = await op.DeleteAsync($"/api/v1/silences/{silenceId}")) Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await Eventually.Until(() => Alert(Id(alert)), a => !a.TryGetProperty("suppressed", out _), "the alert to notify again");
    }

    [Test]
    public async Task SilencedAlert_IsRecordedButItsChangesStayOffTheFeed()
    {
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        await feed.Subscribe("alerts");
        using var op = await Host.SignedIn("operator");
        using (var created = await op.PostAsJsonAsync("/api/v1/silences",
            new { matcher = new { zoneId = "hai-ba-trung", severity = "warning" }, until = Now.AddHours(1), reason = "diễn tập" }))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var alert = await ManualAlert("Diễn tập sơ tán", "warning", "hai-ba-trung");
        var id = Id(alert);
        using var responder = await Host.SignedIn("responder");
        using (var note = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = "ghi chú khi im lặng" }))
            Assert.That(note.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // A later, unsilenced alert is the marker that the feed has delivered everything before it.
        var marker = await ManualAlert("Mốc kiểm tra", "warning", "tay-ho");
        await Eventually.Until(() => Task.FromResult(feed.Alerts.ToList()), a => a.Any(x => Id(x) == Id(marker)), "the marker alert on the feed");

        var seen = feed.Alerts.Where(a => Id(a) == id).ToList();
        Assert.That(seen, Has.Count.EqualTo(1), "only the alert's arrival, marked silenced; the note is not notified");
        Assert.That(seen[0].GetProperty("suppressed").GetProperty("by").GetString(), Is.EqualTo("silence"));
        Assert.That((await Alert(id)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Does.Contain("note"), "but recorded");

        // Its resolution is sent all the same: walls must see it go.
        using (var resolve = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "kết thúc diễn tập" }))
            Assert.That(resolve.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Eventually.Until(() => Task.FromResult(feed.Alerts.Where(a => Id(a) == id).ToList()),
            seenNow => seenNow.Any(a => a.GetProperty("status").GetString() == "resolved"), "the silenced alert's resolution on the feed");
    }

    [TestCase("{}")]
    [TestCase("""{"matcher":{},"until":"2099-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"zoneId":"atlantis"},"until":"2099-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"zoneId":"ba-dinh"},"until":"2001-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"zoneId":"ba-dinh"},"until":"2099-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"ruleId":"no.such-rule"},"until":"2099-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"severity":"apocalyptic"},"until":"2099-01-01T00:00:00Z","reason":"x"}""")]
    [TestCase("""{"matcher":{"zoneId":"ba-dinh"},"until":"soon","reason":"x"}""")]
    public async Task Silence_Invalid_Is400(string body)
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsync("/api/v1/silences", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [TestCase("?status=closed")]
    [TestCase("?domain=weather")]
    [TestCase("?zoneId=atlantis")]
    [TestCase("?severity=apocalyptic")]
    [TestCase("?limit=0")]
    [TestCase("?limit=100000")]
    public async Task List_InvalidFilter_Is400(string query)
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/api/v1/alerts" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task List_FiltersByStatusZoneAndSeverity_NewestFirst()
    {
        var older = await ManualAlert("Ùn ứ rác phố Hàng Bạc", "warning", "hoan-kiem");
        var newer = await ManualAlert("Ùn ứ rác phố Hàng Buồm", "warning", "hoan-kiem");
        using var client = Host.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open&zoneId=hoan-kiem&severity=warning");
        var ids = list.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.That(ids.IndexOf(Id(newer)), Is.LessThan(ids.IndexOf(Id(older))).And.GreaterThanOrEqualTo(0));
        Assert.That(list.EnumerateArray().All(a => a.GetProperty("zoneId").GetString() == "hoan-kiem" && a.GetProperty("severity").GetString() == "warning"));
    }

    [TestCase("al-999999999")]
    [TestCase("..%2F..%2Fetc")]
    [TestCase("al-1' OR '1'='1")]
    public async Task Get_UnknownOrMalformedId_Is404(string id)
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync($"/api/v1/alerts/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("""{"title":"","severity":"major"}""")]
    [TestCase("""{"title":"x","severity":"huge"}""")]
    [TestCase("""{"title":"x","severity":"major","entityIds":["no-such-sensor"]}""")]
    [TestCase("""{"title":"x","severity":"major","entityIds":[null]}""")]
    [TestCase("""{"title":"x","severity":"major","zoneId":"atlantis"}""")]
    [TestCase("""{"title":"x","severity":"major""")]
    [TestCase("""[1,2,3]""")]
    public async Task ManualAlert_Invalid_Is400(string body)
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsync("/api/v1/alerts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ManualAlert_HugeTitleOrNote_Is400()
    {
        using var op = await Host.SignedIn("operator");
        using var title = await op.PostAsJsonAsync("/api/v1/alerts", new { title = new string('x', 10_000), severity = "major" });
        using var note = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "x", severity = "major", note = new string('x', 10_000) });
        Assert.That((title.StatusCode, note.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("99")]
    [TestCase("-1")]
    public async Task Sop_BadStep_Is400(string step)
    {
        var alert = await ManualAlert($"Bước sai {step}");
        using var responder = await Host.SignedIn("responder");
        using var response = await responder.PostAsJsonAsync($"/api/v1/alerts/{Id(alert)}/sop/{step}", new { done = true });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Metrics_CountActiveAlerts()
    {
        await ManualAlert("Đếm cảnh báo", "info", "cau-giay");
        using var client = Host.CreateClient();
        var text = await client.GetStringAsync("/metrics");
        // Labels in any order: the exporter writes them sorted by name, and their order means nothing to Prometheus.
        Assert.That(text, Does.Match("controlcenter_alerts_active\\{(?=[^}]*status=\"open\")(?=[^}]*severity=\"info\")(?=[^}]*suppressed=\"no\")[^}]*\\} [1-9]"));
    }
}
