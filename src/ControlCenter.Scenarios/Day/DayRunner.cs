using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios.Day;

/// <summary>
/// Plays a normal day against the control centre: first the last hours of air readings (so VN_AQI's NowCast
/// has data at once), then every sensor at its reporting interval, compressed by <c>speed</c>. A scenario
/// overlay, if given, silences or changes some sensors along its timeline (minute 0 is the start), and may set
/// the city time the day starts at.
/// </summary>
public sealed class DayRunner(IngestClient client, TimeProvider time, ScenarioOverlay? overlay = null, ParkingDrivers? drivers = null)
{
    private static readonly int[] BackfillHours = [3, 2, 1];

    /// <summary>How often the normal day asks whether a drill runs on the centre.</summary>
    public static readonly TimeSpan DrillCheckPeriod = TimeSpan.FromSeconds(3);

    /// <param name="speed">City minutes per real minute (1 = real time; 60 = a day in 24 minutes).</param>
    /// <param name="duration">How long to run, or until cancelled when null.</param>
    public async Task Run(double speed, TimeSpan? duration, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var catalog = await client.Catalog(cancellationToken);
        var day = new NormalDay(catalog, seed);
        var realStart = time.GetUtcNow();
        var cityStart = ScenarioClock.CityStart(overlay?.Scenario.CityStart, realStart);
        DateTimeOffset CityTime(DateTimeOffset real) => cityStart + (real - realStart) * speed;
        double Minute(DateTimeOffset city) => (city - cityStart).TotalMinutes;

        await client.Send(Backfill(day, realStart, CityTime, Minute), cancellationToken);
        log($"simulator: backfilled the last 3 hours of air readings; {client.Report}");

        var sensors = day.ReportingSensors.ToList();
        var due = sensors.ToDictionary(s => s.Id, _ => realStart);
        var tick = TimeSpan.FromSeconds(1);
        var nextLog = realStart + TimeSpan.FromSeconds(30);
        var nextDrillCheck = realStart;
        var lastCity = CityTime(realStart);
        string? drill = null;
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            var now = time.GetUtcNow();
            if (duration is { } d && now - realStart >= d) break;
            var city = CityTime(now);
            // A drill started on the centre is the only feed while it runs: the normal day waits (its own
            // readings would contradict the drill's).
            if (overlay is null && now >= nextDrillCheck)
            {
                var running = await client.ActiveDrill(cancellationToken);
                if (running != drill) log(running is null ? "simulator: the drill ended; the normal day resumes" : $"simulator: paused while the drill '{running}' runs");
                drill = running;
                nextDrillCheck = now + DrillCheckPeriod;
            }

            if (drill is not null) continue;
            var readings = new List<Reading>();
            foreach (var sensor in sensors.Where(s => due[s.Id] <= now))
            {
                var reading = Overlaid(sensor, day.ReadingOf(sensor, city, now), Minute(city));
                if (reading is not null) readings.Add(reading);
                due[sensor.Id] = now + TimeSpan.FromSeconds(Math.Max(1, sensor.ReportingIntervalSeconds / speed));
            }

            await client.Send(readings, cancellationToken);
            if (drivers is not null) await drivers.Tick(city, (city - lastCity).TotalMinutes, speed, now, cancellationToken);
            lastCity = city;
            if (now >= nextLog)
            {
                log($"simulator: city time {city:HH:mm}; {client.Report}{(drivers is null ? "" : "; " + drivers.Report)}");
                nextLog = now + TimeSpan.FromSeconds(30);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
        if (drivers is not null) log($"simulator: {drivers.Report}");
    }

    private List<Reading> Backfill(NormalDay day, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset> cityTime, Func<DateTimeOffset, double> minute) =>
        [.. from hoursAgo in BackfillHours
            from sensor in day.ReportingSensors.Where(s => s.Kind == "air")
            let stamp = now.AddHours(-hoursAgo)
            let city = cityTime(now).AddHours(-hoursAgo)
            let reading = Overlaid(sensor, day.ReadingOf(sensor, city, stamp), minute(city))
            where reading is not null
            select reading];

    /// <summary>The reading as the scenario has it at this minute, or null while the sensor is silent.</summary>
    private Reading? Overlaid(CatalogSensor sensor, Reading reading, double minute) =>
        overlay is null ? reading
        : overlay.IsSilent(sensor, minute) ? null
        : overlay.Apply(sensor, reading, minute);
}
