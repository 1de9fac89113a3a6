using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios.Day;

/// <summary>
/// The visitor counters of a normal day. The people present follow their point's week (<see cref="VisitorProfiles"/>)
/// smoothly, closing in on it over a quarter of an hour (a crowd builds and thins, it does not jump); the people who
/// came in since the previous reading are the rise of those present plus those who replaced the ones leaving, so
/// entries are whole numbers never below the rise. A counter on a walking street (within 200 m of its path) has
/// that street's nights while <see cref="WalkingHours.IsOpen"/> says it is open at the simulated city time.
/// </summary>
public sealed class VisitorCounters
{
    private const double OnStreetMetres = 200;
    private const double SettleMinutes = 15;
    /// <summary>Closing time empties a sight faster than people drift away from a square.</summary>
    private const double ClosingMinutes = 6;

    private readonly Dictionary<string, Point> _points;
    private readonly Dictionary<string, (int Present, DateTimeOffset At)> _last = new(StringComparer.Ordinal);
    // Its own stream, so adding the counters left every other kind's seeded noise as it was.
    private readonly Random _random;

    public VisitorCounters(Catalog catalog, int seed)
    {
        _random = new Random(unchecked(seed * 7919 + 19));
        _points = catalog.Sensors.Where(s => s.Kind == SensorKinds.VisitorCounter).ToDictionary(s => s.Id, s =>
        {
            var streets = catalog.WalkingStreets.Where(w => w.ZoneId == s.ZoneId && DistanceMetres(s, w) <= OnStreetMetres).ToList();
            return new Point(VisitorProfiles.PlaceOf(s.Id, streets.Count > 0), streets, s.Capacity ?? 1000, 0.9 + 0.15 * NormalDay.StableFraction(s.Id));
        });
    }

    public Dictionary<string, double> Reading(CatalogSensor sensor, DateTimeOffset cityTime)
    {
        var point = _points[sensor.Id];
        var local = CityTime.Local(cityTime);
        var hour = local.TimeOfDay.TotalHours;
        var gatesOpen = VisitorProfiles.GatesOpen(point.Place, hour);
        var walking = point.Streets.Any(w => WalkingHours.IsOpen(w, cityTime));
        var target = gatesOpen
            ? point.Capacity * point.Bias * VisitorProfiles.Share(point.Place, local.DayOfWeek, hour, walking) * (1 + (_random.NextDouble() * 2 - 1) * 0.03)
            : 0;
        var dwell = VisitorProfiles.DwellMinutes(point.Place);

        int present, entries;
        if (!_last.TryGetValue(sensor.Id, out var last))
        {
            present = (int)Math.Round(target);
            entries = (int)Math.Round(present * sensor.ReportingIntervalSeconds / 60.0 / dwell);
        }
        else
        {
            var minutes = (cityTime - last.At).TotalMinutes;
            if (minutes <= 0) return Values(last.Present, 0);
            var settle = gatesOpen ? SettleMinutes : ClosingMinutes;
            var next = last.Present + (target - last.Present) * (1 - Math.Exp(-minutes / settle));
            // Rounded towards the target, so the last few people do leave a closed sight.
            present = (int)(next < last.Present ? Math.Floor(next) : Math.Ceiling(next));
            var replaced = gatesOpen ? (last.Present + present) / 2.0 * minutes / dwell : 0;
            entries = Math.Max(0, present - last.Present) + (int)Math.Round(replaced);
        }

        _last[sensor.Id] = (present, cityTime);
        return Values(present, entries);
    }

    private static Dictionary<string, double> Values(int present, int entries) => new() { ["present"] = present, ["entries"] = entries };

    /// <summary>Metres from a counter to the nearest stretch of a walking street's path (flat-earth: a few hundred metres apart).</summary>
    private static double DistanceMetres(CatalogSensor sensor, WalkingStreet street)
    {
        var metresPerDegreeLon = 111_320 * Math.Cos(sensor.Lat * Math.PI / 180);
        (double X, double Y) Local(IReadOnlyList<double> p) => ((p[1] - sensor.Lon) * metresPerDegreeLon, (p[0] - sensor.Lat) * 111_320);
        var nearest = double.MaxValue;
        for (var i = 0; i < street.Path.Count; i++)
        {
            var a = Local(street.Path[i]);
            var b = Local(street.Path[Math.Min(i + 1, street.Path.Count - 1)]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length = dx * dx + dy * dy;
            var t = length == 0 ? 0 : Math.Clamp(-(a.X * dx + a.Y * dy) / length, 0, 1);
            nearest = Math.Min(nearest, Math.Sqrt(Math.Pow(a.X + t * dx, 2) + Math.Pow(a.Y + t * dy, 2)));
        }

        return nearest;
    }

    private sealed record Point(VisitorPlace Place, IReadOnlyList<WalkingStreet> Streets, int Capacity, double Bias);
}
