using ControlCenter.Domain.Catalog;

namespace ControlCenter.Grains.Tests.SiloLoss;

/// <summary>A small city for the silo-loss tests: each test has a zone of its own, so what one test kills no other test reads.</summary>
public static class SiloLossCity
{
    public const string HealthSensor = "flood-lost";
    public const string RulesZone = "zone-rules";
    public const string RulesSensor = "air-lost";
    public const string Lot = "lot-lost";

    public static readonly CityCatalog Catalog = new("Test",
        [
            new Zone("zone-health", "Khu sức khoẻ", "Health zone", 21.02, 105.85),
            new Zone(RulesZone, "Khu quy tắc", "Rules zone", 21.03, 105.84),
            new Zone("zone-parking", "Khu đỗ xe", "Parking zone", 21.02, 105.85),
        ],
        [new ParkingLot(Lot, "Bãi mất", "Lost lot", 21.02, 105.85, "zone-parking", 10, "Trần Hưng Đạo")],
        [],
        [
            new Sensor(HealthSensor, HealthSensor, HealthSensor, 21.02, 105.85, "zone-health", SensorKinds.Flood, null, 60, ["depthCm"]),
            new Sensor(RulesSensor, RulesSensor, RulesSensor, 21.03, 105.84, RulesZone, SensorKinds.Air, null, 60, ["pm25", "pm10"]),
            new Sensor("gate-lost", "gate-lost", "gate-lost", 21.02, 105.85, "zone-parking", SensorKinds.ParkingGate, Lot, 60, ["occupiedCount"]),
        ]);
}
