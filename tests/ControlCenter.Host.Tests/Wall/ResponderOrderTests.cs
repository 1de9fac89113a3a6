using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall.Responder;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The order of the alerts on a responder's phone: nearest first when located, else by severity.</summary>
public class ResponderOrderTests
{
    private static readonly CityCatalog Catalog = CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json"));

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    /// <summary>By Hoàn Kiếm lake.</summary>
    private static readonly GeoPoint Lake = new(21.0288, 105.8525);

    private static Alert Alert(string id, string severity, string scope, string? zone, int minutesAgo = 5) => new()
    {
        Id = id, RuleId = "flood.depth", Scope = scope, Title = id, TitleEn = id, Severity = severity, ZoneId = zone, RaisedAt = Now.AddMinutes(-minutesAgo),
    };

    private static readonly Alert[] Alerts =
    [
        Alert("far-critical", "critical", "fl-nguyen-chi-thanh", "ba-dinh"),
        Alert("near-minor", "minor", "fl-tran-hung-dao", "hoan-kiem"),
        Alert("zone-only-major", "major", "manual-1", "hai-ba-trung"),
        Alert("nowhere-critical", "critical", "city:abc", null, minutesAgo: 30),
    ];

    [Test]
    public void Located_NearestFirst_ThenTheUnplacedBySeverity()
    {
        var order = ResponderOrder.Order(Alerts, Lake, Catalog);
        Assert.That(order.Select(i => i.Alert.Id), Is.EqualTo(new[] { "near-minor", "zone-only-major", "far-critical", "nowhere-critical" }));
        Assert.That(order[0].DistanceKm, Is.EqualTo(1.0).Within(0.2), "Trần Hưng Đạo at the station is about a kilometre from the lake");
        Assert.That(order[^1].DistanceKm, Is.Null);
    }

    [Test]
    public void NotLocated_MostSevereFirst_LongestWaitingFirst_ResolvedLeftOut()
    {
        var resolved = Alert("done", "critical", "fl-thai-ha", "dong-da") with { Status = AlertStatus.Resolved };
        var order = ResponderOrder.Order([.. Alerts, resolved], null, Catalog);
        Assert.That(order.Select(i => i.Alert.Id), Is.EqualTo(new[] { "nowhere-critical", "far-critical", "zone-only-major", "near-minor" }));
        Assert.That(order.All(i => i.DistanceKm is null), Is.True);
    }

    [Test]
    public void PlaceName_NamesTheScopeAndItsDistrict()
    {
        Assert.That(ResponderOrder.PlaceName(Alerts[1], Catalog, english: false), Is.EqualTo("Cảm biến ngập Trần Hưng Đạo (đoạn Ga Hà Nội), Hoàn Kiếm"));
        Assert.That(ResponderOrder.PlaceName(Alerts[2], Catalog, english: false), Is.EqualTo("Hai Bà Trưng"));
        Assert.That(ResponderOrder.PlaceName(Alerts[3], Catalog, english: true), Is.EqualTo("Hanoi"));
    }
}
