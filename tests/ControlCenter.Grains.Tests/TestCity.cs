using ControlCenter.Domain.Catalog;

namespace ControlCenter.Grains.Tests;

/// <summary>A small city with one of everything, so each grain test reads on its own.</summary>
public static class TestCity
{
    public static readonly CityCatalog Catalog = Build();

    private static CityCatalog Build()
    {
        const string z = "zone-a";
        Sensor S(string id, string kind, string? parent, int interval, params string[] metrics) =>
            new(id, id, id, 21.02, 105.85, z, kind, parent, interval, metrics);
        return new CityCatalog("Test",
            [new Zone(z, "Khu A", "Zone A", 21.02, 105.85), new Zone("zone-b", "Khu B", "Zone B", 21.05, 105.82)],
            [
                new ParkingLot("lot-spots", "Bãi 1", "Lot 1", 21.02, 105.85, z, 3, "Lý Thường Kiệt"),
                new ParkingLot("lot-gate", "Bãi 2", "Lot 2", 21.02, 105.85, z, 20, "Trần Hưng Đạo"),
            ],
            [new Junction("junction-a", "Ngã tư A", "Junction A", 21.02, 105.85, z)],
            [
                S("spot-1", SensorKinds.ParkingSpot, "lot-spots", 60, "occupied"),
                S("spot-2", SensorKinds.ParkingSpot, "lot-spots", 60, "occupied"),
                S("spot-3", SensorKinds.ParkingSpot, "lot-spots", 60, "occupied"),
                S("gate-1", SensorKinds.ParkingGate, "lot-gate", 60, "occupiedCount"),
                S("det-n", SensorKinds.Traffic, "junction-a", 60, "speedKmh", "volume") with { Approach = "n", FreeFlowSpeedKmh = 40 },
                S("det-s", SensorKinds.Traffic, "junction-a", 60, "speedKmh", "volume") with { Approach = "s", FreeFlowSpeedKmh = 40 },
                S("air-1", SensorKinds.Air, null, 300, "pm25", "pm10", "no2"),
                S("rain-1", SensorKinds.Rain, null, 300, "rainMm"),
                S("flood-1", SensorKinds.Flood, null, 120, "depthCm"),
                S("flood-2", SensorKinds.Flood, null, 120, "depthCm"),
                // Sensors of the checkpoint and replay tests alone.
                S("flood-3", SensorKinds.Flood, null, 120, "depthCm"),
                S("flood-4", SensorKinds.Flood, null, 120, "depthCm"),
                // The version and fold counts test alone.
                S("flood-5", SensorKinds.Flood, null, 120, "depthCm"),
                S("rain-2", SensorKinds.Rain, null, 300, "rainMm"),
                S("air-2", SensorKinds.Air, null, 300, "pm25", "pm10", "no2"),
                S("visitors-1", SensorKinds.VisitorCounter, null, 60, "entries", "present") with { Capacity = 200 },
                .. Enumerable.Range(0, LogFoldPropertyTests.Cases).Select(i => S($"prop-rain-{i}", SensorKinds.Rain, null, 300, "rainMm")),
                new Sensor("water-b", "Nước", "Water", 21.05, 105.82, "zone-b", SensorKinds.Water, null, 600, ["do", "bod5"]),
            ]);
    }
}
