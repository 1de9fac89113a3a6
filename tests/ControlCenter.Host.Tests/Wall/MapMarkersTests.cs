using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Wall;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>How a marker reads (colour from its standard, the status a group takes) and that the legend says the same.</summary>
public class MapMarkersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static EntityState State(string kind, string status, Dictionary<string, double> values, Dictionary<string, object?>? derived = null, int minutesAgo = 1) =>
        new("x", kind, "tay-ho", 1, Now.AddMinutes(-minutesAgo), status, values, derived ?? []);

    [TestCase(6.5, "#1b7fc4")]
    [TestCase(5.2, "#2e7d32")]
    [TestCase(4.0, "#9e9d24")]
    [TestCase(3.0, "#f57c00")]
    [TestCase(1.5, "#d32f2f")]
    public void LakeStation_ColouredByItsDissolvedOxygenClass(double mgPerLitre, string colour)
    {
        var marker = MapMarkers.Of(("wq-centre", "water", 21.058, 105.823, "Giữa hồ", "Lake centre"), State("water", "ok", new() { ["do"] = mgPerLitre }), false, Now);
        Assert.That((marker.Colour, marker.Title), Is.EqualTo((colour, $"Giữa hồ: DO {mgPerLitre.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture)} mg/L")));
    }

    [Test]
    public void Status_IsWhatTheThresholdsSaid_StaleWhenOldOrNeverHeard()
    {
        var place = ("fl-x", "flood", 21.02, 105.84, "Phố", "Street");
        var flooded = State("flood", "alert", new() { ["depthCm"] = 45 }, new() { ["floodLevel"] = "critical" });
        Assert.That(MapMarkers.Of(place, flooded, false, Now).Status, Is.EqualTo("alert"));
        Assert.That(MapMarkers.Of(place, flooded with { Status = "warning" }, false, Now).Status, Is.EqualTo("warning"));
        Assert.That(MapMarkers.Of(place, flooded with { Status = "stale" }, false, Now).Status, Is.EqualTo("stale"));
        Assert.That(MapMarkers.Of(place, flooded with { Ts = null }, false, Now).Status, Is.EqualTo("stale"));
        Assert.That(MapMarkers.Of(place, flooded, true, Now).Title, Is.EqualTo("Street: 45 cm"));
    }

    [Test]
    public void DarkText_OnTheLightColoursOnly()
    {
        Assert.That(MapMarkers.IsLight("rgb(255,255,0)"), Is.True, "VN_AQI moderate (yellow)");
        Assert.That(MapMarkers.IsLight("rgb(0,228,0)"), Is.True, "VN_AQI good (green)");
        Assert.That(MapMarkers.IsLight("#d32f2f"), Is.False);
        Assert.That(MapMarkers.IsLight("rgb(126,0,35)"), Is.False);
        Assert.That(MapMarkers.IsLight("not a colour"), Is.False);
    }

    [Test]
    public void Legend_GivesEveryLayerItsMarkersColours()
    {
        Assert.That(MapLegend.Rows.Select(r => r.Layer), Is.EqualTo(MapMarkers.Layers));
        var flood = MapLegend.Rows.Single(r => r.Layer == "flood").Swatches.Select(s => s.Colour);
        Assert.That(flood, Is.EqualTo(new[] { MapMarkers.Flood("none"), MapMarkers.Flood("warning"), MapMarkers.Flood("major"), MapMarkers.Flood("critical") }));
        var air = MapLegend.Rows.Single(r => r.Layer == "air").Swatches;
        Assert.That((air.Count, air[0].Colour, air[0].Vi, air[5].En), Is.EqualTo((6, "rgb(0,228,0)", "Tốt 0–50", "Hazardous 301–500")));
    }
}
