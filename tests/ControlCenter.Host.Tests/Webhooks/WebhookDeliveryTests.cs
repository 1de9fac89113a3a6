using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Webhooks;

/// <summary>
/// Alert webhooks against a real receiver on a loopback port: signed JSON and CAP bodies, order per alert, retries
/// after 500s and timeouts, dead letters and their replay. Each test listens to the manual alerts of its own zone.
/// </summary>
public class WebhookDeliveryTests : SqliteHostFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(WebhookApi.FastRetries);

    [Test]
    public async Task Delivery_Json_IsSignedAndCarriesItsKeys()
    {
        await using var receiver = await WebhookReceiver.Start();
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        var hook = await WebhookApi.Register(admin, receiver.Url, "hoan-kiem");

        var alertId = await WebhookApi.RaiseAlert(op, "hoan-kiem");

        var request = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 1, "the raised alert's delivery", Wait);
        var delivery = request[0];
        Assert.That(SignatureCheck.IsValid(delivery.Signature, delivery.Body, WebhookApi.Secret, TimeSpan.FromMinutes(5)), Is.True, delivery.Signature);
        Assert.That(SignatureCheck.IsValid(delivery.Signature, delivery.Body, "another-secret-0123456789", TimeSpan.FromMinutes(5)), Is.False);
        var body = WebhookApi.Body(delivery);
        Assert.That((delivery.Key, delivery.Event, delivery.ContentType), Is.EqualTo(($"{hook}:{alertId}:1", "raised", "application/json; charset=utf-8")));
        Assert.That(body.GetProperty("deliveryId").GetString(), Is.EqualTo(delivery.Key));
        Assert.That(body.GetProperty("subscriptionId").GetString(), Is.EqualTo(hook));
        Assert.That(body.GetProperty("event").GetString(), Is.EqualTo("raised"));
        Assert.That(body.GetProperty("alert").GetProperty("id").GetString(), Is.EqualTo(alertId));
        Assert.That(body.GetProperty("alert").GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(body.GetProperty("alert").GetProperty("zoneId").GetString(), Is.EqualTo("hoan-kiem"));
    }

    [Test]
    public async Task Lifecycle_WithFailingFirstAttempts_ArrivesInOrderPerAlert()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = WebhookReceiver.FailFirst(2);
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        await WebhookApi.Register(admin, receiver.Url, "ba-dinh");

        // Acknowledged and resolved while the raise is still being retried.
        var first = await WebhookApi.RaiseAlert(op, "ba-dinh");
        var second = await WebhookApi.RaiseAlert(op, "ba-dinh", "Mất điện trạm bơm");
        await WebhookApi.Act(op, first, "acknowledge");
        await WebhookApi.Act(op, second, "acknowledge");
        await WebhookApi.Act(op, first, "resolve");

        var accepted = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 5, "five deliveries", Wait);
        var byAlert = accepted.Select(WebhookApi.Body).GroupBy(b => b.GetProperty("alert").GetProperty("id").GetString())
            .ToDictionary(g => g.Key!, g => g.Select(b => (b.GetProperty("event").GetString(), b.GetProperty("alert").GetProperty("version").GetInt64())).ToList());
        Assert.That(byAlert[first].Select(e => e.Item1), Is.EqualTo(new[] { "raised", "acknowledged", "resolved" }));
        Assert.That(byAlert[first].Select(e => e.Item2), Is.Ordered.Ascending);
        Assert.That(byAlert[second].Select(e => e.Item1), Is.EqualTo(new[] { "raised", "acknowledged" }));
        Assert.That(receiver.Requests.Count(r => r.Status == 500), Is.EqualTo(10), "two failed attempts before each success");
    }

    [TestCase("500s", 3, "tay-ho")]
    [TestCase("timeouts", 2, "dong-da")]
    public async Task FailedAttempts_AreRetried_UntilDelivered(string failing, int failures, string zone)
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = failing == "500s" ? WebhookReceiver.FailFirst(failures) : WebhookReceiver.HangFirst(failures);
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        var hook = await WebhookApi.Register(admin, receiver.Url, zone);

        var alertId = await WebhookApi.RaiseAlert(op, zone);

        await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 1, $"the delivery after {failures} {failing}", Wait);
        Assert.That(receiver.AttemptsFor($"{hook}:{alertId}:1"), Is.EqualTo(failures + 1));
        var status = await Eventually.Until(() => WebhookApi.Get(admin, hook), h => h.GetProperty("delivered").GetInt64() == 1, "the outbox to record it", Wait);
        Assert.That((status.GetProperty("pending").GetInt32(), status.GetProperty("deadLetters").GetInt32()), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task LastRetryFailing_DeadLetters_AndReplayDelivers()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = (_, _, _) => Task.FromResult(503);
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        var hook = await WebhookApi.Register(admin, receiver.Url, "hai-ba-trung");
        var alertId = await WebhookApi.RaiseAlert(op, "hai-ba-trung");

        var dead = await Eventually.Until(() => WebhookApi.DeadLetters(admin, hook), d => d.Length == 1, "the dead letter", Wait);
        var key = $"{hook}:{alertId}:1";
        Assert.That(dead[0].GetProperty("id").GetString(), Is.EqualTo(key));
        Assert.That(dead[0].GetProperty("attempts").GetInt32(), Is.EqualTo(4), "the first attempt and three retries");
        Assert.That(dead[0].GetProperty("lastError").GetString(), Does.Contain("503"));
        Assert.That(receiver.AttemptsFor(key), Is.EqualTo(4));
        Assert.That(await WebhookApi.Metric(admin, "controlcenter_webhook_deliveries_total{outcome=\"dead-lettered\"}"), Is.GreaterThanOrEqualTo(1));

        receiver.Answer = (_, _, _) => Task.FromResult(200);
        using var replay = await admin.PostAsJsonAsync($"/api/v1/admin/webhooks/{hook}/dead-letters/replay", new { deliveryId = key });
        Assert.That(replay.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await replay.Content.ReadAsStringAsync());

        var accepted = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 1, "the replayed delivery", Wait);
        Assert.That(accepted[0].Key, Is.EqualTo(key), "a replay keeps its idempotency key");
        await Eventually.Until(() => WebhookApi.DeadLetters(admin, hook), d => d.Length == 0, "the dead-letter list to empty", Wait);
        Assert.That(await WebhookApi.AuditActions(admin, hook), Does.Contain("webhook-replayed"));
    }

    [Test]
    public async Task Cap_Delivery_IsACap12Alert()
    {
        await using var receiver = await WebhookReceiver.Start();
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        await WebhookApi.Register(admin, receiver.Url, "cau-giay", format: "cap");

        var alertId = await WebhookApi.RaiseAlert(op, "cau-giay", severity: "critical");
        await WebhookApi.Act(op, alertId, "resolve");

        var accepted = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 2, "raised and resolved as CAP", Wait);
        Assert.That(accepted[0].ContentType, Does.StartWith("application/common-alerting-protocol+xml"));
        XNamespace cap = "urn:oasis:names:tc:emergency:cap:1.2";
        var raised = XDocument.Parse(System.Text.Encoding.UTF8.GetString(accepted[0].Body)).Root!;
        Assert.That(raised.Name, Is.EqualTo(cap + "alert"));
        foreach (var required in new[] { "identifier", "sender", "sent", "status", "msgType", "scope" })
            Assert.That(raised.Element(cap + required)?.Value, Is.Not.Null.And.Not.Empty, required);
        Assert.That(raised.Element(cap + "sent")!.Value, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"));
        Assert.That((raised.Element(cap + "status")!.Value, raised.Element(cap + "msgType")!.Value, raised.Element(cap + "scope")!.Value),
            Is.EqualTo(("Actual", "Alert", "Restricted")));
        Assert.That(raised.Element(cap + "restriction")?.Value, Is.Not.Null.And.Not.Empty, "a Restricted alert says to whom");
        var infos = raised.Elements(cap + "info").ToList();
        Assert.That(infos.Select(i => i.Element(cap + "language")!.Value), Is.EqualTo(new[] { "vi-VN", "en-US" }));
        foreach (var info in infos)
        {
            foreach (var required in new[] { "category", "event", "urgency", "severity", "certainty", "headline" })
                Assert.That(info.Element(cap + required)?.Value, Is.Not.Null.And.Not.Empty, required);
            Assert.That((info.Element(cap + "urgency")!.Value, info.Element(cap + "severity")!.Value), Is.EqualTo(("Immediate", "Extreme")));
            var area = info.Element(cap + "area")!;
            Assert.That(area.Element(cap + "areaDesc")!.Value, Is.Not.Empty);
            Assert.That(area.Element(cap + "circle")!.Value, Does.Match(@"^21\.\d+,105\.\d+ \d+(\.\d+)?$"));
        }

        Assert.That(infos[0].Element(cap + "headline")!.Value, Is.EqualTo("Cây đổ chắn đường"));
        Assert.That(infos[1].Element(cap + "headline")!.Value, Is.EqualTo("Fallen tree blocks the road"));
        Assert.That(infos[0].Element(cap + "area")!.Element(cap + "areaDesc")!.Value, Is.EqualTo("Cầu Giấy"));
        var resolved = XDocument.Parse(System.Text.Encoding.UTF8.GetString(accepted[1].Body)).Root!;
        Assert.That((resolved.Element(cap + "msgType")!.Value, resolved.Element(cap + "incidents")!.Value), Is.EqualTo(("Cancel", alertId)));
        Assert.That(resolved.Element(cap + "info")!.Element(cap + "urgency")!.Value, Is.EqualTo("Past"));
    }

    [Test]
    public async Task SilencedAlert_IsNotNotified_UntilTheSilenceEnds()
    {
        await using var receiver = await WebhookReceiver.Start();
        using var admin = await Host.SignedIn("admin");
        using var op = await Host.SignedIn("operator");
        await WebhookApi.Register(admin, receiver.Url, "thanh-xuan");
        using var silence = await op.PostAsJsonAsync("/api/v1/silences",
            new { matcher = new { zoneId = "thanh-xuan", severity = "minor" }, until = DateTimeOffset.UtcNow.AddHours(1), reason = "bảo trì" });
        Assert.That(silence.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await silence.Content.ReadAsStringAsync());
        var silenceId = (await silence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var silenced = await WebhookApi.RaiseAlert(op, "thanh-xuan", "Đèn tín hiệu hỏng", "minor");
        var heard = await WebhookApi.RaiseAlert(op, "thanh-xuan", "Ngập hầm chui", "major");

        // One outbox sends in hand-off order: had the silenced alert been handed off, it would have come first.
        var accepted = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 1, "the unsilenced alert", Wait);
        Assert.That(WebhookApi.Body(accepted[0]).GetProperty("alert").GetProperty("id").GetString(), Is.EqualTo(heard));

        using var lift = await op.DeleteAsync($"/api/v1/silences/{silenceId}");
        accepted = await Eventually.Until(() => Task.FromResult(receiver.Accepted), r => r.Count == 2, "the alert once its silence ended", Wait);
        var late = WebhookApi.Body(accepted[1]);
        Assert.That((late.GetProperty("event").GetString(), late.GetProperty("alert").GetProperty("id").GetString()), Is.EqualTo(("raised", silenced)));
    }
}
