using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Tests;

public class AggregateGrainTests
{
    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private static Task<bool[]> Send(string sensor, string metric, double value, DateTimeOffset? ts = null) =>
        ClusterFixture.Ingest(new SensorReading(sensor, ts ?? Now, new Dictionary<string, double> { [metric] = value }));

    private static object? Derived(EntityState state, string key) => state.Derived.GetValueOrDefault(key);

    [Test]
    public async Task Lot_FromSpotSensors_CountsOccupiedFreeAndUnknown()
    {
        await Send("spot-1", "occupied", 1);
        await Send("spot-2", "occupied", 0);
        await Send("spot-3", "occupied", 1);
        var lot = ClusterFixture.Grains.GetGrain<IParkingLotGrain>("lot-spots");

        var state = await Eventually.Until(lot.GetState,
            s => Derived(s, "occupied") is 2 && Derived(s, "free") is 1, "lot-spots to show 2 occupied, 1 free");

        Assert.That(Derived(state, "capacity"), Is.EqualTo(3));
        Assert.That(Derived(state, "countedBy"), Is.EqualTo("spots"));
        Assert.That(Derived(state, "unknown"), Is.EqualTo(0));

        await Send("spot-2", "occupied", 1, Now.AddSeconds(1));
        state = await Eventually.Until(lot.GetState, s => Derived(s, "full") is true, "lot-spots to be full");
        Assert.That(state.Status, Is.EqualTo("warning"));
    }

    [Test]
    public async Task Lot_FromGateCounter_UsesTheCount()
    {
        await Send("gate-1", "occupiedCount", 15);
        var lot = ClusterFixture.Grains.GetGrain<IParkingLotGrain>("lot-gate");
        var state = await Eventually.Until(lot.GetState, s => Derived(s, "occupied") is 15, "lot-gate to show 15 occupied");
        Assert.That(Derived(state, "free"), Is.EqualTo(5));
        Assert.That(Derived(state, "countedBy"), Is.EqualTo("gate"));
    }

    [Test]
    public async Task Junction_LevelOfService_PerApproachAndOverall()
    {
        await ClusterFixture.Ingest(
            new SensorReading("det-n", Now, new Dictionary<string, double> { ["speedKmh"] = 8, ["volume"] = 90 }),
            new SensorReading("det-s", Now, new Dictionary<string, double> { ["speedKmh"] = 36, ["volume"] = 10 }));
        var junction = ClusterFixture.Grains.GetGrain<IJunctionGrain>("junction-a");

        static IReadOnlyDictionary<string, object?> Approaches(EntityState s) => (IReadOnlyDictionary<string, object?>)s.Derived["approaches"]!;
        static object? LevelOf(EntityState s, string approach) =>
            Approaches(s).GetValueOrDefault(approach) is IReadOnlyDictionary<string, object?> a ? a.GetValueOrDefault("levelOfService") : null;
        var state = await Eventually.Until(junction.GetState,
            s => LevelOf(s, "n") is not null && LevelOf(s, "s") is not null, "junction-a to have heard both approaches");

        var approaches = Approaches(state);
        var north = (IReadOnlyDictionary<string, object?>)approaches["n"]!;
        var south = (IReadOnlyDictionary<string, object?>)approaches["s"]!;
        Assert.That(north["levelOfService"], Is.EqualTo("jammed"));
        Assert.That(south["levelOfService"], Is.EqualTo("free-flowing"));
        Assert.That(Derived(state, "levelOfService"), Is.EqualTo("jammed"), "the approach carrying 90 % of the vehicles decides");
        Assert.That(state.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task ZoneAndCity_SummariseEveryDomain()
    {
        await Send("flood-1", "depthCm", 45);
        await Send("water-b", "do", 1.8);
        await Send("gate-1", "occupiedCount", 4, Now.AddSeconds(2));
        var zone = ClusterFixture.Grains.GetGrain<IZoneGrain>("zone-a");
        var city = ClusterFixture.Grains.GetGrain<ICityGrain>("city");

        var summary = await Eventually.Until(zone.GetZoneSummary,
            s => s.Flood.MaxDepthCm == 45 && s.Parking.Capacity == 23, "zone-a to see the flood depth and both lots");
        Assert.That(summary.Flood.DeepestSensorId, Is.EqualTo("flood-1"));
        Assert.That(summary.Flood.FloodedPoints, Is.GreaterThanOrEqualTo(1));
        Assert.That(summary.Traffic.Junctions, Is.EqualTo(1));

        var kpi = await Eventually.Until(city.GetKpi,
            k => k.Tiles.Single(t => t.Id == "west-lake-do").Value == 1.8 && k.Tiles.Single(t => t.Id == "flooded-points").Value >= 1,
            "the city tiles to show the low oxygen and the flood");
        var tiles = kpi.Tiles.ToDictionary(t => t.Id);
        Assert.That(tiles["west-lake-do"].Status, Is.EqualTo("alert"));
        Assert.That(tiles["west-lake-do"].EntityId, Is.EqualTo("water-b"));
        Assert.That(tiles["free-spaces"].Of, Is.EqualTo(23));
        Assert.That(tiles["flooded-points"].Status, Is.EqualTo("alert"));

        var zoneState = await zone.GetState();
        Assert.That(zoneState.Kind, Is.EqualTo("zone"));
        Assert.That(zoneState.Derived, Contains.Key("flood"));
    }
}
