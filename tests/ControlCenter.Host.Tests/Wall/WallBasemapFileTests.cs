using System.Text.Json;
using ControlCenter.Host.Tests.Deployment;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// The basemap file the host serves: built from the OpenStreetMap extracts kept in the repository
/// (ops/basemap/osm/), so anyone can rebuild it and get the same bytes, and small enough for a wall to load.
/// West Lake is a real outline there, not a name on an empty spot, and the Red River runs on past Long Biên bridge.
/// </summary>
public class WallBasemapFileTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    private static string Committed => RepositoryFolder.PathOf("src", "ControlCenter.Host", "wwwroot", "wall", "basemap", "hanoi-basemap.geojson");

    [Test]
    public async Task Build_FromTheExtractsInTheRepository_WritesTheCommittedBasemapByteForByte()
    {
        var output = Path.Combine(Path.GetTempPath(), $"basemap-{Guid.NewGuid():N}.geojson");
        try
        {
            var run = await CommandLine.Run("python3", [RepositoryFolder.PathOf("ops", "basemap", "build.py"), "--out", output], RepositoryFolder.Root, BuildTimeout);
            Assert.That(run.ExitCode, Is.Zero, $"python3 ops/basemap/build.py: {run.Error}");
            Assert.That(await File.ReadAllBytesAsync(output), Is.EqualTo(await File.ReadAllBytesAsync(Committed)),
                "the committed basemap is what ops/basemap/build.py makes of ops/basemap/osm/: rebuild it after changing either");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Test]
    public void WestLake_IsItsOsmShoreline_OfAboutFiveSquareKilometres_WithItsNameInside()
    {
        Assert.That(new FileInfo(Committed).Length, Is.LessThan(400 * 1024), "the wall loads it whole");
        using var basemap = JsonDocument.Parse(File.ReadAllText(Committed));
        var features = basemap.RootElement.GetProperty("features").EnumerateArray().ToList();

        var lake = features.Single(f => Kind(f) == "lake" && Name(f) == "Hồ Tây");
        var properties = lake.GetProperty("properties");
        Assert.That(properties.GetProperty("nameEn").GetString(), Is.EqualTo("West Lake"));
        Assert.That(properties.GetProperty("osm").GetString(), Is.EqualTo("way/9635863"));
        var ring = lake.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.That(ring[0], Is.EqualTo(ring[^1]), "a closed ring");
        // West Lake is about 500 ha with ~17 km of shore; a schematic shape or a wrong lake would not be.
        Assert.That(AreaKm2(ring), Is.InRange(4.5, 6.0));
        Assert.That(ring, Has.Count.GreaterThan(100), "the shoreline's bays, not a polygon of a few corners");

        var label = features.Single(f => Kind(f) == "label" && Name(f) == "Hồ Tây");
        Assert.That(label.GetProperty("properties").GetProperty("of").GetString(), Is.EqualTo("lake"));
        var at = label.GetProperty("geometry").GetProperty("coordinates");
        Assert.That(Inside(ring, at[0].GetDouble(), at[1].GetDouble()), Is.True, "the name is written on the water");
    }

    [Test]
    public void RedRiver_IsOneOsmOutline_ThatGoesOnBelowLongBienBridge_WithHoanKiemLakeOnTheBank()
    {
        using var basemap = JsonDocument.Parse(File.ReadAllText(Committed));
        var features = basemap.RootElement.GetProperty("features").EnumerateArray().ToList();

        // OSM splits the river ~800 m below Chương Dương bridge; the basemap joins the two areas into one river.
        var river = features.Single(f => Kind(f) == "river" && Name(f) == "Sông Hồng");
        Assert.That(river.GetProperty("properties").GetProperty("osm").GetString(), Is.EqualTo("relation/6907107 + way/471485747"));
        var ring = river.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.That(ring[0], Is.EqualTo(ring[^1]), "a closed ring");

        Assert.That(Inside(ring, 105.8600, 21.0450), Is.True, "mid-river at Long Biên bridge");
        Assert.That(Inside(ring, 105.8780, 21.0060), Is.True, "mid-river at Vĩnh Tuy bridge, 3 km below where the drawing used to stop");
        Assert.That(Inside(ring, 105.9087, 20.9850), Is.True, "mid-river by Thanh Trì bridge");
        Assert.That(ring.Min(p => p.Lat), Is.LessThan(20.93), "down past Thanh Trì");

        var lake = features.Single(f => Kind(f) == "label" && Name(f) == "Hồ Hoàn Kiếm").GetProperty("geometry").GetProperty("coordinates");
        Assert.That(Inside(ring, lake[0].GetDouble(), lake[1].GetDouble()), Is.False, "Hoàn Kiếm Lake is on land, west of the river");
        Assert.That(Inside(ring, 105.8700, 21.0000), Is.False, "Vĩnh Tuy, on the right bank, is land");

        var label = features.Single(f => Kind(f) == "label" && Name(f) == "Sông Hồng").GetProperty("geometry").GetProperty("coordinates");
        Assert.That(Inside(ring, label[0].GetDouble(), label[1].GetDouble()), Is.True, "the name is written on the water");
    }

    private static string? Kind(JsonElement feature) => feature.GetProperty("properties").GetProperty("kind").GetString();

    private static string? Name(JsonElement feature) =>
        feature.GetProperty("properties").TryGetProperty("name", out var name) ? name.GetString() : null;

    /// <summary>Shoelace area on a local flat projection (at 21° N a degree of longitude is ~104 km, of latitude ~111 km).</summary>
    private static double AreaKm2(List<(double Lon, double Lat)> ring)
    {
        var twice = 0.0;
        for (var i = 0; i + 1 < ring.Count; i++) twice += ring[i].Lon * ring[i + 1].Lat - ring[i + 1].Lon * ring[i].Lat;
        return Math.Abs(twice) / 2 * 104.0 * 110.7;
    }

    private static bool Inside(List<(double Lon, double Lat)> ring, double lon, double lat)
    {
        var inside = false;
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[i + 1]);
            if ((a.Lat > lat) != (b.Lat > lat) && lon < (b.Lon - a.Lon) * (lat - a.Lat) / (b.Lat - a.Lat) + a.Lon) inside = !inside;
        }
        return inside;
    }
}
