using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ControlCenter.Domain.Alerts;
using ControlCenter.Host.Open;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The CAP 1.2 Atom feed of public warnings through the real pipeline: operators publish, edit and withdraw over
/// REST; the anonymous feed and the per-warning CAP documents follow, and never carry anything internal.
/// </summary>
public class OpenWarningFeedTests : SqliteHostFixture
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly OpenDataOptions Defaults = new();

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult<(string, string)[]>([("OpenData:RequestsPerSecondPerClient", "1000")]);

    private async Task<string> ManualAlert(string title, string severity = "major", string zoneId = "hoan-kiem", string? note = null, string[]? entityIds = null)
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, severity, zoneId, note, entityIds });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task Publish(string id, string title, string text = "Tránh khu vực này.", string textEn = "Keep away from the area.")
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new { title, titleEn = $"EN {title}", text, textEn });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task Post(string user, string path, object body)
    {
        using var client = await Host.SignedIn(user);
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> Get(string path, string? ifNoneMatch = null)
    {
        using var client = Host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<XDocument> Feed()
    {
        var (response, body) = await Get("/open/v1/warnings.atom");
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return new XDocument(new XElement(Atom + "feed"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/atom+xml"));
            using var stream = new MemoryStream(body);
            return XDocument.Load(stream);
        }
    }

    private static XElement? EntryOf(XDocument feed, string alertId) =>
        feed.Root!.Elements(Atom + "entry").FirstOrDefault(e => Cap(e) is { } cap && CapShape.Text(cap, "incidents") == alertId);

    private static XElement? Cap(XElement entry) => entry.Element(Atom + "content")?.Element(CapShape.Cap + "alert");

    /// <summary>The feed once the alert's entry holds a message of <paramref name="msgType"/> (the feed follows the alert within moments).</summary>
    private async Task<(XDocument Feed, XElement Entry, XElement Cap)> Until(string alertId, string msgType)
    {
        XElement? entry = null;
        var feed = await Eventually.Until(Feed, f => (entry = EntryOf(f, alertId)) is { } e && CapShape.Text(Cap(e)!, "msgType") == msgType,
            $"an {msgType} for {alertId} in the feed");
        return (feed, entry!, Cap(entry!)!);
    }

    [Test]
    public async Task Feed_PublishedWarning_IsAnAtomEntryHoldingAValidCapAlert()
    {
        var id = await ManualAlert("Cây đổ phố Tràng Thi");
        await Publish(id, "Cây đổ chắn đường Tràng Thi");

        var (feed, entry, cap) = await Until(id, "Alert");

        var root = feed.Root!;
        Assert.That(root.Name, Is.EqualTo(Atom + "feed"));
        Assert.That(root.Element(Atom + "id")!.Value, Does.StartWith("tag:"));
        Assert.That(root.Element(Atom + "title")!.Value, Does.Contain("Hà Nội").And.Contain("Hanoi"));
        Assert.That(DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)));
        Assert.That(root.Element(Atom + "author")!.Element(Atom + "name")!.Value, Is.EqualTo(Defaults.Source));
        Assert.That(entry.Element(Atom + "id")!.Value, Does.StartWith("tag:").And.Contain(id));
        Assert.That(entry.Element(Atom + "title")!.Value, Does.Contain("Cây đổ chắn đường Tràng Thi"));
        Assert.That(entry.Element(Atom + "content")!.Attribute("type")!.Value, Is.EqualTo("application/cap+xml"));

        CapShape.AssertValid(cap);
        Assert.That((CapShape.Text(cap, "status"), CapShape.Text(cap, "msgType"), CapShape.Text(cap, "scope")), Is.EqualTo(("Actual", "Alert", "Public")));
        Assert.That(CapShape.Text(cap, "identifier"), Does.StartWith($"{id}.").And.EndWith(".w1"));
        Assert.That(CapShape.Text(cap, "sent"), Is.EqualTo(entry.Element(Atom + "updated")!.Value).And.EqualTo(entry.Element(Atom + "published")!.Value));
        Assert.That(cap.Element(CapShape.Cap + "references"), Is.Null);
        var infos = cap.Elements(CapShape.Cap + "info").ToList();
        Assert.That(infos.Select(i => CapShape.Text(i, "language")), Is.EqualTo(new[] { "vi-VN", "en-US" }));
        Assert.That(infos.Select(i => CapShape.Text(i, "headline")), Is.EqualTo(new[] { "Cây đổ chắn đường Tràng Thi", "EN Cây đổ chắn đường Tràng Thi" }));
        Assert.That(infos.Select(i => CapShape.Text(i, "description")), Is.EqualTo(new[] { "Tránh khu vực này.", "Keep away from the area." }));
        Assert.That(infos.Select(i => CapShape.Text(i, "category")), Is.All.EqualTo("Safety"));
        Assert.That(infos.Select(i => (CapShape.Text(i, "urgency"), CapShape.Text(i, "severity"))), Is.All.EqualTo(("Immediate", "Severe")));
        var areas = infos.Select(i => i.Element(CapShape.Cap + "area")!).ToList();
        Assert.That(CapShape.Text(areas[0], "areaDesc"), Does.Contain("Hoàn Kiếm"));
        Assert.That(CapShape.Text(areas[1], "areaDesc"), Does.Contain("Hoan Kiem"));
        Assert.That(areas.Select(a => CapShape.Text(a, "circle")), Is.All.Match(@"^21\.\d+,105\.\d+ 3\.0$"));

        // The entry links its CAP document, served on its own with the same message.
        var href = entry.Elements(Atom + "link").Single(l => l.Attribute("type")?.Value == "application/cap+xml").Attribute("href")!.Value;
        var (one, body) = await Get(new Uri(href).PathAndQuery);
        using (one)
        {
            Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(one.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/cap+xml"));
            var alone = XDocument.Load(new MemoryStream(body)).Root!;
            CapShape.AssertValid(alone);
            Assert.That(CapShape.Text(alone, "identifier"), Is.EqualTo(CapShape.Text(cap, "identifier")));
        }
    }

    [Test]
    public async Task Feed_EditedWarning_IsAnUpdateReferencingEachEarlierRevision()
    {
        var id = await ManualAlert("Sụt lún mặt đường Kim Mã", zoneId: "ba-dinh");
        await Publish(id, "Sụt lún đường Kim Mã");
        var (_, _, first) = await Until(id, "Alert");
        await Publish(id, "Sụt lún đường Kim Mã, đã rào chắn");
        var (feed, _, second) = await Until(id, "Update");
        await Publish(id, "Sụt lún đường Kim Mã, đi đường khác");
        var third = await Eventually.Until(async () => Cap(EntryOf(await Feed(), id)!)!, c => CapShape.Text(c, "identifier").EndsWith(".w3", StringComparison.Ordinal), "revision 3 in the feed");

        CapShape.AssertValid(second);
        Assert.That(CapShape.Text(second, "identifier"), Does.EndWith(".w2"));
        var sender = CapShape.Text(first, "sender");
        var firstRef = $"{sender},{CapShape.Text(first, "identifier")},{CapShape.Text(first, "sent")}";
        Assert.That(CapShape.Text(second, "references"), Is.EqualTo(firstRef));
        Assert.That(CapShape.Text(third, "references"), Is.EqualTo($"{firstRef} {sender},{CapShape.Text(second, "identifier")},{CapShape.Text(second, "sent")}"));
        Assert.That(CapShape.Text(third, "msgType"), Is.EqualTo("Update"));
        Assert.That(feed.Root!.Elements(Atom + "entry").Count(e => Cap(e) is { } c && CapShape.Text(c, "incidents") == id), Is.EqualTo(1), "one entry per warning");
    }

    [Test]
    public async Task Feed_WithdrawnWarning_IsACancelKeptInTheFeedButNotOnThePortal()
    {
        var id = await ManualAlert("Rò rỉ khí gas Hàng Bông");
        await Publish(id, "Rò rỉ khí gas phố Hàng Bông");
        var (_, _, alert) = await Until(id, "Alert");
        await Post("operator", $"/api/v1/alerts/{id}/public-warning/withdraw", new { note = "đã xử lý xong" });

        var (_, entry, cancel) = await Until(id, "Cancel");

        CapShape.AssertValid(cancel);
        Assert.That(CapShape.Text(cancel, "identifier"), Does.EndWith(".cancel"));
        Assert.That(CapShape.Text(cancel, "references"), Is.EqualTo($"{CapShape.Text(alert, "sender")},{CapShape.Text(alert, "identifier")},{CapShape.Text(alert, "sent")}"));
        Assert.That(CapShape.Text(cancel, "note"), Does.Contain("withdrawn"));
        var info = cancel.Element(CapShape.Cap + "info")!;
        Assert.That((CapShape.Text(info, "responseType"), CapShape.Text(info, "urgency")), Is.EqualTo(("AllClear", "Past")));
        Assert.That(entry.Element(Atom + "updated")!.Value, Is.EqualTo(CapShape.Text(cancel, "sent")));
        var (portal, json) = await Get("/open/v1/warnings");
        portal.Dispose();
        Assert.That(Encoding.UTF8.GetString(json), Does.Not.Contain($"\"{id}\""));
    }

    [Test]
    public async Task Feed_AlertResolved_CancelsItsWarning()
    {
        var id = await ManualAlert("Cháy nhỏ chợ Đồng Xuân");
        await Publish(id, "Cháy tại chợ Đồng Xuân");
        await Until(id, "Alert");
        await Post("responder", $"/api/v1/alerts/{id}/resolve", new { note = "đã dập lửa" });

        var (_, _, cancel) = await Until(id, "Cancel");

        CapShape.AssertValid(cancel);
        Assert.That(CapShape.Text(cancel, "note"), Does.Contain("over"));
    }

    [Test]
    public async Task Feed_WarningOnANotedAcknowledgedAlert_CarriesNothingInternal()
    {
        const string raiseNote = "Báo tin: ông Nguyễn Văn Bảo, số máy 0912 345 678";
        const string responderNote = "Nội bộ: xe cẩu 29C-123.45 đang trên đường";
        const string ackNote = "Đội 3 nhận việc";
        var id = await ManualAlert("Biển quảng cáo sắp đổ", note: raiseNote, entityIds: ["aq-hang-dau", "j-ltk-quan-su"]);
        await Post("responder", $"/api/v1/alerts/{id}/notes", new { text = responderNote });
        await Post("responder", $"/api/v1/alerts/{id}/acknowledge", new { note = ackNote });
        await Post("responder", $"/api/v1/alerts/{id}/sop/1", new { done = true });
        await Publish(id, "Biển quảng cáo có nguy cơ đổ");
        var (_, _, cap) = await Until(id, "Alert");

        var (feedResponse, feed) = await Get("/open/v1/warnings.atom");
        feedResponse.Dispose();
        var (capResponse, one) = await Get($"/open/v1/warnings/{id}.cap");
        capResponse.Dispose();

        var sop = AlertRules.Get(AlertRules.Manual).Sop[0];
        foreach (var text in new[] { Encoding.UTF8.GetString(feed), Encoding.UTF8.GetString(one) })
        {
            foreach (var secret in new[] { raiseNote, "0912", responderNote, "29C", ackNote, "responder", "operator", "aq-hang-dau", "j-ltk-quan-su", sop.Vi, sop.En, "Biển quảng cáo sắp đổ", "acknowledged" })
                Assert.That(text, Does.Not.Contain(secret));
        }

        CapShape.AssertValid(cap);
    }

    [Test]
    public async Task Feed_FloodAlertFromReadings_IsMetWithTheRuleAsEvent()
    {
        using (var gateway = Host.Ingester())
        using (var ingest = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-phan-boi-chau", DateTimeOffset.UtcNow, new { depthCm = 45 }))))
            Assert.That(ingest.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using var client = Host.CreateClient();
        var alerts = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?domain=flood")!,
            a => a!.Any(x => x.GetProperty("ruleId").GetString() == AlertRules.FloodDepth), "the flood-depth alert");
        var alert = alerts!.First(x => x.GetProperty("ruleId").GetString() == AlertRules.FloodDepth);
        var id = alert.GetProperty("id").GetString()!;
        await Publish(id, "Ngập sâu phố Phan Bội Châu");

        var (_, _, cap) = await Until(id, "Alert");

        CapShape.AssertValid(cap);
        var rule = AlertRules.Get(AlertRules.FloodDepth);
        var infos = cap.Elements(CapShape.Cap + "info").ToList();
        Assert.That(infos.Select(i => CapShape.Text(i, "category")), Is.All.EqualTo("Met"));
        Assert.That(infos.Select(i => CapShape.Text(i, "event")), Is.EqualTo(new[] { rule.Title, rule.TitleEn }));
        Assert.That(cap.ToString(), Does.Not.Contain("fl-phan-boi-chau"));
    }

    [Test]
    public async Task Feed_TitleWithControlCharacters_IsRefusedAtTheDoor_EmojiAreFine()
    {
        var id = await ManualAlert("Tin nhắn lạ");
        using var op = await Host.SignedIn("operator");
        using (var refused = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning",
            new { title = "Cảnh báo\u0001 đường\u001F Láng", titleEn = "Warning", text = "Tránh khu vực này.", textEn = "Keep away." }))
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the portal and CAP would show different words");

        await Publish(id, "Cảnh báo đường Láng 🚧");
        var (_, _, cap) = await Until(id, "Alert");
        Assert.That(CapShape.Text(cap.Element(CapShape.Cap + "info")!, "headline"), Is.EqualTo("Cảnh báo đường Láng 🚧"));
    }

    [Test]
    public async Task Feed_SameContent_Answers304ToItsETag()
    {
        var id = await ManualAlert("Đèn tín hiệu hỏng Cửa Nam");
        await Publish(id, "Đèn tín hiệu hỏng tại Cửa Nam");
        await Until(id, "Alert");
        var (first, _) = await Get("/open/v1/warnings.atom");
        using (first)
        {
            Assert.That(first.Headers.ETag, Is.Not.Null);
            Assert.That(first.Headers.CacheControl?.Public, Is.True);
            var (second, body) = await Get("/open/v1/warnings.atom", first.Headers.ETag!.Tag);
            using (second)
            {
                Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
                Assert.That(body, Is.Empty);
            }
        }
    }

    [TestCase("al-999999")]
    [TestCase("not-an-alert")]
    [TestCase("%2E%2E")]
    public async Task Cap_NotAPublicWarning_Is404Problem(string id)
    {
        var (response, _) = await Get($"/open/v1/warnings/{id}.cap");
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [Test]
    public async Task Cap_AlertWithoutAWarning_Is404Problem()
    {
        var id = await ManualAlert("Chỉ nội bộ, không công bố");

        var (response, body) = await Get($"/open/v1/warnings/{id}.cap");

        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Encoding.UTF8.GetString(body), Does.Not.Contain("Chỉ nội bộ"));
        }
    }
}
