using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// Operators publish an alert to citizens in their own words, edit and withdraw it; responders cannot; every
/// step is on the timeline and in the audit log; the public sees the warning and nothing else of the alert.
/// </summary>
public class PublicWarningTests : SqliteHostFixture
{
    private static object Words(string title = "Ngập sâu phố Phan Bội Châu") => new
    {
        title, titleEn = "Deep flooding on Phan Boi Chau Street",
        text = "Tránh đi qua phố Phan Bội Châu; nước sâu trên 30 cm.", textEn = "Avoid Phan Boi Chau Street; water is over 30 cm deep.",
    };

    private async Task<string> ManualAlert(string title, string? zoneId = "hoan-kiem")
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, severity = "major", zoneId, note = "bí mật nội bộ: số điện thoại đội 0912345678" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> PublicWarnings()
    {
        using var anonymous = Host.Anonymous();
        var body = await anonymous.GetFromJsonAsync<JsonElement>("/open/v1/warnings");
        return body.GetProperty("data").GetProperty("warnings");
    }

    private Task<JsonElement> WarningsUntil(Func<JsonElement, bool> condition, string waitingFor) =>
        Eventually.Until(PublicWarnings, condition, waitingFor);

    private static bool Lists(JsonElement warnings, string id) => warnings.EnumerateArray().Any(w => w.GetProperty("id").GetString() == id);

    [Test]
    public async Task Published_ShowsToThePublic_Audited_OnTheTimeline_AndWithdrawnGoes()
    {
        var id = await ManualAlert("Ngập sâu Phan Bội Châu (nội bộ)");
        using var op = await Host.SignedIn("operator");
        using (var response = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words()))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var alert = await response.Content.ReadFromJsonAsync<JsonElement>();
            var warning = alert.GetProperty("publicWarning");
            Assert.That(warning.GetProperty("revision").GetInt32(), Is.EqualTo(1));
            Assert.That(warning.GetProperty("publishedBy").GetString(), Is.EqualTo("operator"));
            Assert.That(warning.GetProperty("area").GetProperty("zoneId").GetString(), Is.EqualTo("hoan-kiem"), "the alert's zone by default");
            Assert.That(alert.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Does.Contain("warning-published"));
        }

        var shown = await WarningsUntil(w => Lists(w, id), "the warning on the public list");
        var item = shown.EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.That(item.GetProperty("title").GetString(), Is.EqualTo("Ngập sâu phố Phan Bội Châu"));
        Assert.That(item.GetProperty("textEn").GetString(), Does.StartWith("Avoid"));
        Assert.That(item.GetProperty("area").GetProperty("description").GetString(), Is.EqualTo("Hoàn Kiếm"));
        var text = item.GetRawText();
        Assert.That(text, Does.Not.Contain("nội bộ").And.Not.Contain("operator").And.Not.Contain("0912345678"));

        using (var edit = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words("Ngập rất sâu phố Phan Bội Châu")))
        {
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicWarning").GetProperty("revision").GetInt32(), Is.EqualTo(2));
        }

        await WarningsUntil(w => w.EnumerateArray().Any(x => x.GetProperty("title").GetString() == "Ngập rất sâu phố Phan Bội Châu"), "the edited words");

        using (var withdraw = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new { note = "nước đã rút" }))
            Assert.That(withdraw.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WarningsUntil(w => !Lists(w, id), "the withdrawn warning to leave the public list");
        using (var again = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new { }))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        using var admin = await Host.SignedIn("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?limit=100");
        var actions = audit.EnumerateArray().Where(e => e.TryGetProperty("target", out var target) && target.GetString() == id).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.That(actions, Is.SupersetOf(new[] { "warning-published", "warning-updated", "warning-withdrawn" }));
    }

    [Test]
    public async Task ResolvingTheAlert_EndsItsWarning()
    {
        var id = await ManualAlert("Cây đổ đường Thanh Niên");
        using var op = await Host.SignedIn("operator");
        using (var response = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words("Cây đổ đường Thanh Niên")))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WarningsUntil(w => Lists(w, id), "the warning on the public list");

        using (var resolve = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "đã dọn cây" }))
            Assert.That(resolve.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WarningsUntil(w => !Lists(w, id), "the resolved alert's warning to leave");
        using var late = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words());
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a resolved alert cannot be published");
    }

    [Test]
    public async Task WithdrawnThenPublishedAgain_TheFirstPublicationsCancelStaysInTheCapFeed()
    {
        var id = await ManualAlert("Sụt lún phố Hàng Bài");
        using var op = await Host.SignedIn("operator");
        (await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words("Sụt lún phố Hàng Bài"))).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new { })).EnsureSuccessStatusCode();
        using (var again = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words("Sụt lún phố Hàng Bài, lần hai")))
        {
            again.EnsureSuccessStatusCode();
            var alert = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(alert.GetProperty("earlierWarnings").GetArrayLength(), Is.EqualTo(1), "the withdrawn publication is kept");
        }

        using var anonymous = Host.Anonymous();
        var cap = System.Xml.Linq.XNamespace.Get("urn:oasis:names:tc:emergency:cap:1.2");
        var messages = await Eventually.Until(async () =>
            {
                var feed = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync("/open/v1/warnings.atom"));
                return feed.Descendants(cap + "alert").Where(a => a.Element(cap + "incidents")?.Value == id)
                    .Select(a => a.Element(cap + "msgType")!.Value).Order(StringComparer.Ordinal).ToList();
            },
            m => m.Count == 2, "both publications in the CAP feed");
        Assert.That(messages, Is.EqualTo(new[] { "Alert", "Cancel" }), "the first one's Cancel, the second one in force");
    }

    [Test]
    public async Task Withdraw_WithoutAJsonBody_IsRefused()
    {
        var id = await ManualAlert("Sự cố thử rút không có nội dung");
        using var op = await Host.SignedIn("operator");
        (await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words())).EnsureSuccessStatusCode();
        using (var bare = await op.PostAsync($"/api/v1/alerts/{id}/public-warning/withdraw", null))
            Assert.That((int)bare.StatusCode, Is.AnyOf(400, 415), "a bodiless POST (a cross-site simple request) does not withdraw");
        using (var form = await op.PostAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new StringContent("note=x", System.Text.Encoding.UTF8, "text/plain")))
            Assert.That((int)form.StatusCode, Is.EqualTo(415));
        var alert = await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.That(alert.GetProperty("publicWarning").TryGetProperty("withdrawnAt", out _), Is.False, "still published");
    }

    [Test]
    public async Task OnlyOperators_Publish()
    {
        var id = await ManualAlert("Sự cố thử quyền");
        foreach (var user in new[] { "viewer", "responder" })
        {
            using var client = await Host.SignedIn(user);
            using var response = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), user);
            using var withdraw = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new { });
            Assert.That(withdraw.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), user);
        }

        using var anonymous = Host.Anonymous();
        using var refused = await anonymous.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words());
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("{}", "title")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B"}""", "textEn")]
    [TestCase("""{"title":"   ","titleEn":"A","text":"B","textEn":"B"}""", "title")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"zoneId":"atlantis"}}""", "No zone")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"lat":21.03}}""", "together")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"lat":95,"lon":105.8,"description":"X"}}""", "-90 to 90")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"lat":21.03,"lon":105.85}}""", "description")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"zoneId":"tay-ho","radiusKm":0}}""", "radiusKm")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"zoneId":"tay-ho","radiusKm":1e308}}""", "radiusKm")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":"tay-ho"}""", null)]
    [TestCase("""[1,2,3]""", null)]
    [TestCase("""{"title":"A\u0000B","titleEn":"A","text":"B","textEn":"B"}""", "control characters")]
    [TestCase("""{"title":"A","titleEn":"A\u001b[31m","text":"B","textEn":"B"}""", "control characters")]
    [TestCase("""{"title":"A","titleEn":"A","text":"B","textEn":"B","area":{"zoneId":"tay-ho","descriptionEn":"x\uFFFE"}}""", "control characters")]
    public async Task BadWords_AreRefused_WithAClearReason(string body, string? reason)
    {
        var id = await ManualAlert("Sự cố thử dữ liệu xấu " + (reason ?? body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsync($"/api/v1/alerts/{id}/public-warning", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        if (reason is not null) Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
        var alert = await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.That(alert.TryGetProperty("publicWarning", out _), Is.False, "nothing was published");
    }

    [Test]
    public async Task OverlongWords_UnknownAlerts_AndAnAlertWithoutAZone_AreRefused()
    {
        using var op = await Host.SignedIn("operator");
        var id = await ManualAlert("Sự cố toàn thành phố", zoneId: null);
        using (var noArea = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", Words()))
        {
            Assert.That(noArea.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noArea.Content.ReadAsStringAsync(), Does.Contain("no zone"));
        }

        using (var withPoint = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new
        {
            title = "Sự cố", titleEn = "Incident", text = "Chi tiết", textEn = "Details",
            area = new { lat = 21.0367, lon = 105.8342, radiusKm = 0.5, description = "Quảng trường Ba Đình" },
        }))
        {
            Assert.That(withPoint.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var area = (await withPoint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicWarning").GetProperty("area");
            Assert.That((area.GetProperty("radiusKm").GetDouble(), area.GetProperty("descriptionEn").GetString()), Is.EqualTo((0.5, "Quảng trường Ba Đình")));
        }

        using (var tooLong = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new { title = new string('x', 161), titleEn = "t", text = "x", textEn = "x" }))
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var unknown = await op.PostAsJsonAsync("/api/v1/alerts/al-999999/public-warning", Words()))
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var malformed = await op.PostAsJsonAsync("/api/v1/alerts/..%2Fetc/public-warning", Words()))
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var neverPublished = await op.PostAsJsonAsync($"/api/v1/alerts/{await ManualAlert("Chưa công bố")}/public-warning/withdraw", new { }))
            Assert.That(neverPublished.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
