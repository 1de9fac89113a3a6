using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Wall;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>How the queue folds a storm's alerts into incidents (pure: no host, no browser).</summary>
public class IncidentFoldingTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 14, 9, 0, 0, TimeSpan.Zero);

    private static Alert Alert(string id, string rule, string scope, string severity, string? zone = "hoan-kiem", int minutesAgo = 10, params string[] children) => new()
    {
        Id = id, RuleId = rule, Scope = scope, Title = id, TitleEn = id, Severity = severity, ZoneId = zone,
        RaisedAt = Now.AddMinutes(-minutesAgo), Children = children, Version = 1,
    };

    /// <summary>The monsoon in Hoàn Kiếm: rain, two flooded streets, "Ngập úng" grouping them, a car park closed by one street.</summary>
    private static List<Alert> HoanKiemStorm() =>
    [
        Alert("al-1", "rain.heavy", "rg-hoan-kiem", "major", minutesAgo: 30),
        Alert("al-2", "flood.depth", "fl-ly-thuong-kiet", "major", minutesAgo: 25),
        Alert("al-3", "flood.depth", "fl-tran-hung-dao", "major", minutesAgo: 24),
        Alert("al-4", "cross.storm-flooding", "hoan-kiem", "critical", minutesAgo: 20, children: ["al-1", "al-2", "al-3"]),
        Alert("al-5", "cross.flood-parking", "p-thd-01", "major", minutesAgo: 19, children: ["al-3"]),
    ];

    [Test]
    public void Fold_StormFlooding_LeadsItsRainStreetsAndTheCarParkSharingAStreet()
    {
        var incidents = IncidentFolding.Fold(HoanKiemStorm());

        Assert.That(incidents, Has.Count.EqualTo(1));
        Assert.That(incidents[0].Lead.Id, Is.EqualTo("al-4"));
        // Members in queue order: most severe, then longest waiting.
        Assert.That(incidents[0].Members.Select(m => m.Id), Is.EqualTo(new[] { "al-1", "al-2", "al-3", "al-5" }));
        Assert.That(incidents[0].AlertCount, Is.EqualTo(5));
    }

    [Test]
    public void Fold_UnrelatedAlerts_OneIncidentEach_InQueueOrder()
    {
        var incidents = IncidentFolding.Fold([
            Alert("al-7", "air.quality", "aq-hang-dau", "minor", minutesAgo: 50),
            .. HoanKiemStorm(),
            Alert("al-8", "flood.depth", "fl-nguyen-khuyen", "critical", "dong-da", minutesAgo: 5),
            Alert("al-9", "manual", "al-9", "critical", null, minutesAgo: 1) with { Suppressed = new AlertSuppression("silence", "si-1") },
        ]);

        Assert.That(incidents.Select(i => i.Lead.Id), Is.EqualTo(new[] { "al-4", "al-8", "al-7", "al-9" }), "critical oldest first, then minor; silenced last");
        Assert.That(incidents.Sum(i => i.AlertCount), Is.EqualTo(8));
    }

    [Test]
    public void Fold_SameSeverity_TheAlertThatGroupsLeads()
    {
        // A flooded car park (major) groups an older street at the same severity: the car park leads, the street folds.
        var incidents = IncidentFolding.Fold([
            Alert("al-2", "flood.depth", "fl-tran-hung-dao", "major", minutesAgo: 30),
            Alert("al-5", "cross.flood-parking", "p-thd-01", "major", minutesAgo: 1, children: ["al-2"]),
        ]);

        Assert.That((incidents.Single().Lead.Id, incidents.Single().Members.Single().Id), Is.EqualTo(("al-5", "al-2")));
    }

    [Test]
    public void Fold_AMoreSevereChild_LeadsItsIncident()
    {
        var incidents = IncidentFolding.Fold([
            Alert("al-2", "flood.depth", "fl-tran-hung-dao", "critical"),
            Alert("al-5", "cross.flood-parking", "p-thd-01", "major", children: ["al-2"]),
        ]);

        Assert.That(incidents.Single().Lead.Id, Is.EqualTo("al-2"));
    }

    [Test]
    public void Fold_ChildAlreadyResolved_IsNoLink()
    {
        // al-2 resolved and left the open alerts: its parent still names it, and groups nothing else.
        var incidents = IncidentFolding.Fold([
            Alert("al-3", "flood.depth", "fl-tran-hung-dao", "major"),
            Alert("al-5", "cross.flood-parking", "p-ltk-01", "major", children: ["al-2"]),
        ]);

        Assert.That(incidents.Select(i => i.Members.Count), Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public void Fold_TheOrderAlertsArriveIn_ChangesNothing()
    {
        var storm = HoanKiemStorm();
        var expected = Describe(IncidentFolding.Fold(storm));
        for (var shift = 1; shift < storm.Count; shift++)
        {
            var rotated = storm.Skip(shift).Concat(storm.Take(shift)).Reverse();
            Assert.That(Describe(IncidentFolding.Fold(rotated)), Is.EqualTo(expected), $"rotated by {shift}");
        }
    }

    private static string Describe(IEnumerable<QueueIncident> incidents) =>
        string.Join(" | ", incidents.Select(i => $"{i.Lead.Id}: {string.Join(",", i.Members.Select(m => m.Id))}"));

    [Test]
    public void ByZone_TheZoneOfTheMostUrgentIncidentFirst_CityWideOnItsOwn()
    {
        var incidents = IncidentFolding.Fold([
            .. HoanKiemStorm(),
            Alert("al-7", "air.quality", "aq-hang-dau", "minor", minutesAgo: 50),
            Alert("al-8", "flood.depth", "fl-nguyen-khuyen", "major", "dong-da", minutesAgo: 5),
            Alert("al-9", "manual", "al-9", "info", null),
        ]);

        var zones = IncidentFolding.ByZone(incidents);

        Assert.That(zones.Select(z => z.Key), Is.EqualTo(new[] { "hoan-kiem", "dong-da", null }));
        Assert.That(zones[0].Select(i => i.Lead.Id), Is.EqualTo(new[] { "al-4", "al-7" }));
        Assert.That(zones[0].Sum(i => i.AlertCount), Is.EqualTo(6));
    }
}
