using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios.Day;

/// <summary>
/// A normal Hanoi day: every sensor's values at a moment of simulated city time, with noise and a few faults
/// (a stuck air station, an occasional spike, one flood sensor that stays quiet so the wall shows it stale), and
/// the tourist points' week (<see cref="VisitorCounters"/>).
/// Readings are stamped with the real time; only their values follow the (possibly compressed) city clock.
/// </summary>
public sealed class NormalDay(Catalog catalog, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, double> _spotThresholds = catalog.Sensors
        .Where(s => s.Kind == "parking-spot").ToDictionary(s => s.Id, s => StableFraction(s.Id));
    private readonly Dictionary<string, int> _capacities = catalog.ParkingLots.ToDictionary(l => l.Id, l => l.Capacity);
    private readonly string? _stuckStation = catalog.Sensors.Where(s => s.Kind == "air").Select(s => s.Id).Order().LastOrDefault();
    private readonly string? _quietSensor = catalog.Sensors.Where(s => s.Kind == "flood").Select(s => s.Id).Order().LastOrDefault();
    private readonly VisitorCounters _visitors = new(catalog, seed);

    public IEnumerable<CatalogSensor> ReportingSensors =>
        catalog.Sensors.Where(s => !s.Retired && s.Id != _quietSensor);

    public Reading ReadingOf(CatalogSensor sensor, DateTimeOffset cityTime, DateTimeOffset stamp)
    {
        var hour = cityTime.Hour + cityTime.Minute / 60.0;
        var values = sensor.Kind switch
        {
            "parking-spot" => Spot(sensor, hour),
            "parking-gate" => Gate(sensor, hour),
            "traffic" => Traffic(sensor, hour),
            "air" => Air(sensor, cityTime.Month, hour),
            "water" => Water(hour),
            "rain" => Rain(),
            "flood" => new Dictionary<string, double> { ["depthCm"] = Math.Round(Math.Max(0, Noise(0.5) - 0.3), 1) },
            "visitor-counter" => _visitors.Reading(sensor, cityTime),
            _ => [],
        };
        return new Reading(sensor.Id, stamp, values.Where(v => sensor.Metrics.Contains(v.Key)).ToDictionary());
    }

    private Dictionary<string, double> Spot(CatalogSensor sensor, double hour)
    {
        // Each space has a fixed place in the queue of arrivals: it is taken while the lot's ratio is above it.
        var threshold = _spotThresholds[sensor.Id] * 0.9 + (_random.NextDouble() - 0.5) * 0.04;
        return new() { ["occupied"] = threshold < DayProfiles.ParkingRatio(hour) * LotBias(sensor.ParentId) ? 1 : 0 };
    }

    private Dictionary<string, double> Gate(CatalogSensor sensor, double hour)
    {
        var capacity = _capacities.GetValueOrDefault(sensor.ParentId ?? "", 10);
        var count = Math.Round(capacity * DayProfiles.ParkingRatio(hour) * LotBias(sensor.ParentId) + Noise(1));
        return new() { ["occupiedCount"] = Math.Clamp(count, 0, capacity) };
    }

    /// <summary>Lots differ: some streets fill up more than the average curve (0.8–1.5 of it).</summary>
    private static double LotBias(string? lotId) => 0.8 + 0.7 * StableFraction(lotId ?? "");

    private Dictionary<string, double> Traffic(CatalogSensor sensor, double hour)
    {
        var demand = Math.Clamp(DayProfiles.TrafficDemand(hour) + Noise(0.05), 0, 1);
        var freeFlow = sensor.FreeFlowSpeedKmh ?? 40;
        return new()
        {
            ["volume"] = Math.Round(15 + 85 * demand),
            ["speedKmh"] = Math.Round(freeFlow * Math.Clamp(1 - 0.7 * demand * demand + Noise(0.03), 0.1, 1), 1),
            ["occupancyPct"] = Math.Round(Math.Clamp(8 + 60 * demand + Noise(3), 0, 100), 1),
            ["queueM"] = Math.Round(Math.Max(0, (demand - 0.45) * 220 + Noise(5))),
        };
    }

    private Dictionary<string, double> Air(CatalogSensor sensor, int month, double hour)
    {
        var stationFactor = 0.85 + 0.3 * StableFraction(sensor.Id);
        var pm25 = DayProfiles.Pm25(month, hour) * stationFactor * (1 + Noise(0.1));
        if (sensor.Id == _stuckStation) pm25 = 42.0;                                   // a stuck sensor
        else if (_random.NextDouble() < 0.002) pm25 *= 3;                               // a rare spike
        var rush = DayProfiles.TrafficDemand(hour);
        var sun = Math.Max(0, Math.Sin(Math.PI * (hour - 6) / 12));
        return new()
        {
            ["pm25"] = Math.Round(Math.Max(1, pm25), 1),
            ["pm10"] = Math.Round(Math.Max(2, pm25 * 1.6), 1),
            ["no2"] = Math.Round(25 + 45 * rush + Noise(4), 1),
            ["o3"] = Math.Round(30 + 90 * sun + Noise(5), 1),
            ["co"] = Math.Round(700 + 900 * rush + Noise(50)),
            ["so2"] = Math.Round(12 + Noise(2), 1),
            ["temperature"] = Math.Round(TemperatureAt(month, hour), 1),
            ["humidity"] = Math.Round(Math.Clamp(78 - 12 * sun + Noise(2), 30, 100), 1),
        };
    }

    private Dictionary<string, double> Water(double hour) => new()
    {
        // Dissolved oxygen follows photosynthesis: highest mid-afternoon, lowest before dawn.
        ["do"] = Math.Round(6.4 + 1.4 * Math.Sin(2 * Math.PI * (hour - 9) / 24) + Noise(0.15), 2),
        ["cod"] = Math.Round(12 + Noise(1), 1),
        ["bod5"] = Math.Round(5 + Noise(0.4), 1),
        ["nh4"] = Math.Round(Math.Max(0, 0.2 + Noise(0.03)), 2),
        ["tss"] = Math.Round(12 + Noise(1.5), 1),
        ["ph"] = Math.Round(7.6 + Noise(0.1), 2),
        ["temperature"] = Math.Round(24 + Noise(0.3), 1),
        ["turbidity"] = Math.Round(Math.Max(0, 8 + Noise(1)), 1),
        ["coliform"] = Math.Round(Math.Max(0, 2000 + Noise(300))),
    };

    private Dictionary<string, double> Rain() =>
        new() { ["rainMm"] = _random.NextDouble() < 0.05 ? Math.Round(_random.NextDouble() * 0.4, 1) : 0 };

    private static double TemperatureAt(int month, double hour)
    {
        var seasonal = 23.5 - 6.5 * Math.Cos(2 * Math.PI * (month - 1) / 12);   // ~17 °C in January, ~30 °C in July
        return seasonal + 3.5 * Math.Sin(Math.PI * (hour - 8) / 12);
    }

    private double Noise(double scale) => (_random.NextDouble() * 2 - 1) * scale;

    /// <summary>A fraction 0–1 fixed for an id across runs (FNV-1a), so a space or station keeps its character.</summary>
    internal static double StableFraction(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        return hash / (double)uint.MaxValue;
    }
}
