using System.Xml.Linq;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Open;

namespace ControlCenter.Host.Tests.Open;

/// <summary>The CAP mapping of a public warning, as plain functions over alerts (no host).</summary>
public class WarningCapTests
{
    private const string Sender = "controlcenter@hanoi.gov.vn";

    private static readonly DateTimeOffset Published = new(2026, 11, 26, 17, 0, 0, TimeSpan.FromHours(7));

    private static Alert Warned(string severity = "major", string[]? domains = null, int revision = 1, DateTimeOffset? updated = null) => new()
    {
        Id = "al-42", RuleId = "manual", Scope = "ba-dinh:x", Title = "Nội bộ", TitleEn = "Internal", Severity = severity, Domains = domains ?? [],
        PublicWarning = new PublicWarning
        {
            Title = "Ngập sâu phố Lý Thường Kiệt", TitleEn = "Deep flooding on Ly Thuong Kiet", Text = "Tránh khu vực.", TextEn = "Avoid the area.",
            Area = new PublicArea("Hoàn Kiếm", "Hoan Kiem", 21.02851, 105.85416, 0.5, "hoan-kiem"),
            PublishedAt = Published, PublishedBy = "operator", Revision = revision, UpdatedAt = updated,
        },
    };

    private static XElement Cap(Alert alert) => WarningCap.Write(alert, Sender, "Trung tâm");

    private static IEnumerable<string> Categories(XElement cap) =>
        cap.Element(CapShape.Cap + "info")!.Elements(CapShape.Cap + "category").Select(c => c.Value);

    [TestCase("rain", "Met")]
    [TestCase("flood", "Met")]
    [TestCase("air", "Env")]
    [TestCase("water", "Env")]
    [TestCase("traffic", "Transport")]
    [TestCase("parking", "Transport")]
    [TestCase("sensor-health", "Safety")]
    public void Write_Domain_MapsToItsCategory(string domain, string category) =>
        Assert.That(Categories(Cap(Warned(domains: [domain]))), Is.EqualTo(new[] { category }));

    [Test]
    public void Write_SeveralDomains_NameEachCategoryOnce_NoDomainIsSafety()
    {
        Assert.That(Categories(Cap(Warned(domains: ["rain", "flood", "traffic"]))), Is.EqualTo(new[] { "Met", "Transport" }));
        Assert.That(Categories(Cap(Warned(domains: []))), Is.EqualTo(new[] { "Safety" }));
    }

    [TestCase("critical", "Immediate", "Extreme")]
    [TestCase("major", "Immediate", "Severe")]
    [TestCase("minor", "Expected", "Moderate")]
    [TestCase("warning", "Expected", "Minor")]
    [TestCase("info", "Unknown", "Unknown")]
    public void Write_Severity_MapsToUrgencyAndSeverity(string severity, string urgency, string capSeverity)
    {
        var cap = Cap(Warned(severity));
        CapShape.AssertValid(cap);
        foreach (var info in cap.Elements(CapShape.Cap + "info"))
        {
            Assert.That(CapShape.Text(info, "urgency"), Is.EqualTo(urgency));
            Assert.That(CapShape.Text(info, "severity"), Is.EqualTo(capSeverity));
            Assert.That(CapShape.Text(info, "certainty"), Is.EqualTo("Observed"));
        }
    }

    [Test]
    public void Write_FirstRevision_IsAnAlertInBothLanguagesWithTheCircle()
    {
        var cap = Cap(Warned());
        CapShape.AssertValid(cap);
        Assert.That(CapShape.Text(cap, "msgType"), Is.EqualTo("Alert"));
        Assert.That(CapShape.Text(cap, "identifier"), Is.EqualTo("al-42.20261126T100000000Z.w1"));
        Assert.That(CapShape.Text(cap, "sent"), Is.EqualTo("2026-11-26T17:00:00+07:00"));
        Assert.That(cap.Element(CapShape.Cap + "references"), Is.Null);
        var infos = cap.Elements(CapShape.Cap + "info").ToList();
        Assert.That(infos.Select(i => CapShape.Text(i, "language")), Is.EqualTo(new[] { "vi-VN", "en-US" }));
        Assert.That(infos.Select(i => CapShape.Text(i, "headline")), Is.EqualTo(new[] { "Ngập sâu phố Lý Thường Kiệt", "Deep flooding on Ly Thuong Kiet" }));
        Assert.That(infos.Select(i => CapShape.Text(i, "description")), Is.EqualTo(new[] { "Tránh khu vực.", "Avoid the area." }));
        Assert.That(infos.Select(i => i.Element(CapShape.Cap + "area")!.Element(CapShape.Cap + "areaDesc")!.Value), Is.EqualTo(new[] { "Hoàn Kiếm", "Hoan Kiem" }));
        Assert.That(infos.Select(i => i.Element(CapShape.Cap + "area")!.Element(CapShape.Cap + "circle")!.Value), Is.All.EqualTo("21.02851,105.85416 0.5"));
    }

    [Test]
    public void Write_ThirdRevision_ReferencesBothEarlierOnesAtTheTimesOnTheTimeline()
    {
        var second = Published.AddMinutes(5);
        var third = Published.AddMinutes(9);
        var alert = Warned(revision: 3, updated: third) with
        {
            Timeline =
            [
                new(Published, "operator", "warning-published", "x"), new(Published.AddMinutes(1), "responder", "note", "y"),
                new(second, "operator", "warning-updated", "x"), new(third, "operator", "warning-updated", "x"),
            ],
        };

        var cap = Cap(alert);

        CapShape.AssertValid(cap);
        Assert.That(CapShape.Text(cap, "msgType"), Is.EqualTo("Update"));
        Assert.That(CapShape.Text(cap, "identifier"), Is.EqualTo("al-42.20261126T100000000Z.w3"));
        Assert.That(CapShape.Text(cap, "sent"), Is.EqualTo("2026-11-26T17:09:00+07:00"));
        Assert.That(CapShape.Text(cap, "references"), Is.EqualTo(
            $"{Sender},al-42.20261126T100000000Z.w1,2026-11-26T17:00:00+07:00 {Sender},al-42.20261126T100000000Z.w2,2026-11-26T17:05:00+07:00"));
    }

    [Test]
    public void Write_TimelineNoLongerHoldsEveryRevision_ReferencesOnlyWhatIsCertain()
    {
        var cap = Cap(Warned(revision: 3, updated: Published.AddMinutes(9)));
        Assert.That(CapShape.Text(cap, "references"), Is.EqualTo($"{Sender},al-42.20261126T100000000Z.w1,2026-11-26T17:00:00+07:00"));
    }

    [Test]
    public void Write_Withdrawn_IsACancelOfEveryRevisionWithAllClear()
    {
        var alert = Warned(revision: 2, updated: Published.AddMinutes(5));
        alert = alert with
        {
            PublicWarning = alert.PublicWarning! with { WithdrawnAt = Published.AddHours(1), WithdrawnBy = "operator" },
            Timeline = [new(Published.AddMinutes(5), "operator", "warning-updated", null)],
        };

        var cap = Cap(alert);

        CapShape.AssertValid(cap);
        Assert.That(CapShape.Text(cap, "msgType"), Is.EqualTo("Cancel"));
        Assert.That(CapShape.Text(cap, "identifier"), Is.EqualTo("al-42.20261126T100000000Z.cancel"));
        Assert.That(CapShape.Text(cap, "sent"), Is.EqualTo("2026-11-26T18:00:00+07:00"));
        Assert.That(CapShape.Text(cap, "references").Split(' '), Has.Length.EqualTo(2));
        var info = cap.Element(CapShape.Cap + "info")!;
        Assert.That((CapShape.Text(info, "responseType"), CapShape.Text(info, "urgency")), Is.EqualTo(("AllClear", "Past")));
    }

    [Test]
    public void Write_AlertResolved_IsACancelSentAtTheResolution()
    {
        var cap = Cap(Warned() with { Status = AlertStatus.Resolved, ResolvedAt = Published.AddHours(2), ResolvedBy = "responder" });
        Assert.That(CapShape.Text(cap, "msgType"), Is.EqualTo("Cancel"));
        Assert.That(CapShape.Text(cap, "sent"), Is.EqualTo("2026-11-26T19:00:00+07:00"));
        Assert.That(cap.ToString(), Does.Not.Contain("responder").And.Not.Contain("operator").And.Not.Contain("Nội bộ"));
    }

    [Test]
    public void Write_PublishedAgainAfterWithdrawal_HasNewIdentifiers()
    {
        var first = Cap(Warned());
        var again = Cap(Warned() with { PublicWarning = Warned().PublicWarning! with { PublishedAt = Published.AddHours(3) } });
        Assert.That(CapShape.Text(again, "identifier"), Is.Not.EqualTo(CapShape.Text(first, "identifier")));
    }
}
