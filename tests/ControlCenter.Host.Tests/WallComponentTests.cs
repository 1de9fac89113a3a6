using Bunit;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall;
using ControlCenter.Host.Wall.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests;

/// <summary>The wall's components rendered on their own (bUnit): queue order and how stale data looks.</summary>
public class WallComponentTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

    private static BunitContext Context()
    {
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton<TimeProvider>(Time);
        context.Services.AddSingleton(CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("vi-VN");
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
        return context;
    }

    private static Alert Alert(string id, string severity, int minutesAgo, AlertSuppression? suppressed = null) => new()
    {
        Id = id, RuleId = "manual", Scope = id, Title = id, TitleEn = id, Severity = severity, ZoneId = "hoan-kiem",
        RaisedAt = Time.GetUtcNow().AddMinutes(-minutesAgo), Version = 1, Suppressed = suppressed,
    };

    [Test]
    public void Queue_MostSevereFirst_ThenLongestWaiting_SilencedLast()
    {
        using var context = Context();
        var feed = new WallFeed();
        feed.Accept([], null, [
            Alert("al-1", "minor", 50), Alert("al-2", "critical", 5), Alert("al-3", "critical", 30),
            Alert("al-4", "critical", 60, new AlertSuppression("silence", "si-1")), Alert("al-5", "major", 1), Alert("al-6", "info", 90),
        ], Time);
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, feed));
        var order = queue.FindAll(".cc-alert").Select(e => e.GetAttribute("data-alert-id")).ToList();
        Assert.That(order, Is.EqualTo(new[] { "al-3", "al-2", "al-5", "al-1", "al-6", "al-4" }));
        Assert.That(queue.Find("[data-alert-id='al-4']").ClassList, Does.Contain("cc-suppressed"));
    }

    [Test]
    public void Tiles_StaleLooksStale_NeverAZeroThatLooksFine()
    {
        using var context = Context();
        var feed = new WallFeed();
        feed.Accept([], new KpiSnapshot(Time.GetUtcNow(), 1,
        [
            new KpiTile("free-spaces", 0, "spaces", "stale") { Of = 248, Unknown = 248 },
            new KpiTile("worst-aqi", null, "VN_AQI", "stale"),
            new KpiTile("flooded-points", 2, "points", "alert") { Peak = 31 },
        ]), [], Time);
        var tiles = context.Render<KpiTiles>(p => p.Add(t => t.Feed, feed));
        Assert.That(tiles.Find("[data-tile='free-spaces']").ClassList, Does.Contain("cc-status-stale"));
        Assert.That(tiles.Find("[data-tile='worst-aqi'] .cc-tile-value").TextContent.Trim(), Does.StartWith("–"), "no value shown as a dash");
        Assert.That(tiles.Find("[data-tile='flooded-points']").ClassList, Does.Contain("cc-status-alert"));
        Assert.That(tiles.Find("[data-tile='flooded-points'] .cc-tile-context").TextContent, Does.Contain("31 cm"));
    }

    [Test]
    public void Marker_StaleOrSilent_IsGreyWithItsAge_NotItsLastValue()
    {
        var place = ("fl-phan-boi-chau", "flood", 21.0236, 105.8447, "Phan Bội Châu", "Phan Boi Chau");
        var fresh = new EntityState("fl-phan-boi-chau", "flood", "hoan-kiem", 3, Time.GetUtcNow().AddMinutes(-1), "alert",
            new Dictionary<string, double> { ["depthCm"] = 27 }, new Dictionary<string, object?> { ["floodLevel"] = "major" });
        var live = MapMarkers.Of(place, fresh, english: false, Time.GetUtcNow());
        Assert.That((live.Text, live.Stale, live.Colour), Is.EqualTo(("27", false, "#f57c00")));

        var stale = MapMarkers.Of(place, fresh with { Status = "stale", Ts = Time.GetUtcNow().AddMinutes(-42) }, english: false, Time.GetUtcNow());
        Assert.That((stale.Text, stale.Stale, stale.Colour), Is.EqualTo(("42 phút", true, MapMarkers.Grey)));
        Assert.That(stale.Title, Does.Contain("số liệu cũ"));

        var never = MapMarkers.Of(place, fresh with { Ts = null }, english: true, Time.GetUtcNow());
        Assert.That((never.Stale, never.Colour), Is.EqualTo((true, MapMarkers.Grey)));
        Assert.That(never.Title, Does.Contain("no data yet"));
    }
}
