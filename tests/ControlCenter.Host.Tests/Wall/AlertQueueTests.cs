using Bunit;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall;
using ControlCenter.Host.Wall.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The alert queue rendered on its own (bUnit): incidents folded, unfolded on a click, counted, grouped by zone.</summary>
public class AlertQueueTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 7, 14, 9, 0, 0, TimeSpan.Zero));

    private static BunitContext Context(string culture = "vi-VN")
    {
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton<TimeProvider>(Time);
        context.Services.AddSingleton(CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        return context;
    }

    private static Alert Alert(string id, string rule, string scope, string severity, string zone, int minutesAgo, params string[] children) => new()
    {
        Id = id, RuleId = rule, Scope = scope, Title = rule, TitleEn = rule, Severity = severity, ZoneId = zone,
        RaisedAt = Time.GetUtcNow().AddMinutes(-minutesAgo), Children = children, Version = 1,
    };

    private static WallFeed Storm()
    {
        var feed = new WallFeed();
        feed.Accept([], null, [
            Alert("al-1", "rain.heavy", "rg-hoan-kiem", "major", "hoan-kiem", 30),
            Alert("al-2", "flood.depth", "fl-ly-thuong-kiet", "major", "hoan-kiem", 25),
            Alert("al-3", "flood.depth", "fl-tran-hung-dao", "major", "hoan-kiem", 24),
            Alert("al-4", "cross.storm-flooding", "hoan-kiem", "critical", "hoan-kiem", 20, "al-1", "al-2", "al-3"),
            Alert("al-5", "cross.flood-parking", "p-thd-01", "major", "hoan-kiem", 19, "al-3"),
            Alert("al-6", "flood.depth", "fl-nguyen-khuyen", "major", "dong-da", 10),
        ], Time);
        return feed;
    }

    [Test]
    public void Storm_ChildrenFoldedUnderTheirLead_CountsIncidentsAndAlerts()
    {
        using var context = Context();
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, Storm()));

        Assert.That(queue.FindAll(".cc-alert").Select(e => e.GetAttribute("data-alert-id")), Is.EqualTo(new[] { "al-4", "al-6" }));
        Assert.That(queue.Find("#queue-count").TextContent, Is.EqualTo("2 sự cố · 6 cảnh báo"));
        Assert.That(queue.Find("[data-fold='al-4']").TextContent, Does.Contain("4 cảnh báo liên quan"));
        Assert.That(queue.Find("[data-fold='al-4']").GetAttribute("aria-expanded"), Is.EqualTo("false"));
        Assert.That(queue.FindAll("[data-fold='al-6']"), Is.Empty, "an alert grouping nothing has no fold");

        queue.Find("[data-fold='al-4']").Click();

        var members = queue.FindAll("[data-lead='al-4'] .cc-member");
        Assert.That(members.Select(e => e.GetAttribute("data-alert-id")), Is.EqualTo(new[] { "al-1", "al-2", "al-3", "al-5" }));
        Assert.That(members[0].TextContent, Does.Contain("Trạm đo mưa Hoàn Kiếm"), "a member names its place");
        Assert.That(members[3].TextContent, Does.Contain("Điểm đỗ xe 92 Trần Hưng Đạo"));

        queue.Find("[data-fold='al-4']").Click();
        Assert.That(queue.FindAll(".cc-member"), Is.Empty, "folded again");
    }

    [Test]
    public void ByZone_GroupsIncidentsUnderTheirZone_WithTheZonesCounts()
    {
        using var context = Context();
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, Storm()));

        queue.Find("#queue-by-zone").Change(true);

        var zones = queue.FindAll(".cc-zone-group");
        Assert.That(zones.Select(z => z.GetAttribute("data-zone")), Is.EqualTo(new[] { "hoan-kiem", "dong-da" }));
        Assert.That(zones[0].QuerySelector(".cc-zone-head")!.TextContent, Does.Contain("Hoàn Kiếm").And.Contain("1 sự cố · 5 cảnh báo"));
        Assert.That(zones[1].QuerySelectorAll(".cc-alert").Select(e => e.GetAttribute("data-alert-id")), Is.EqualTo(new[] { "al-6" }));

        queue.Find("#queue-by-zone").Change(false);
        Assert.That(queue.FindAll(".cc-zone-group"), Is.Empty);
    }

    [Test]
    public void English_OneIncidentOneAlert_Singular()
    {
        using var context = Context("en-US");
        var feed = new WallFeed();
        feed.Accept([], null, [Alert("al-6", "flood.depth", "fl-nguyen-khuyen", "major", "dong-da", 10)], Time);
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, feed));
        Assert.That(queue.Find("#queue-count").TextContent, Is.EqualTo("1 incident · 1 alert"));
    }

    [Test]
    public void MemberSelectedElsewhere_ItsIncidentUnfolds()
    {
        using var context = Context();
        var feed = Storm();
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, feed));

        queue.Render(p => p.Add(q => q.Feed, feed).Add(q => q.Selected, "al-5"));

        Assert.That(queue.Find("[data-alert-id='al-5']").ClassList, Does.Contain("cc-selected").And.Contain("cc-member"));
    }
}
