using ControlCenter.Domain;
using ControlCenter.Scenarios.Day;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios;

/// <summary>
/// Plays a scenario over a normal day. With <c>check</c>, it watches for the alerts the scenario expects and
/// ends when all are raised (exit 0) or the time is up (exit 1, naming the missing ones); without, it plays
/// the scenario's minutes and then, unless told to stop, carries on with the normal day until cancelled.
/// </summary>
public sealed class ScenarioRunner(IngestClient client, AlertCheck check, TimeProvider time)
{
    /// <summary>
    /// Health (3 missed intervals) and minimum durations (a 5-minute jam, a crowd for 10 minutes) run on real time,
    /// whatever the speed: a check never gives up sooner than this.
    /// </summary>
    public static readonly TimeSpan MinimumCheckTime = TimeSpan.FromMinutes(12);

    public async Task<int> Run(Scenario scenario, double speed, bool checkAlerts, bool stopAfter, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = time.GetUtcNow();
        var play = new DayRunner(client, time, new ScenarioOverlay(scenario)).Run(speed, null, seed, log, stop.Token);
        log($"scenario {scenario.Name}: {scenario.Title} / {scenario.TitleEn} — {scenario.Minutes} city minutes at speed {speed}");
        var exit = 0;
        try
        {
            if (checkAlerts) exit = await Check(scenario, speed, started, log, stop.Token);
            else
            {
                await Task.Delay(TimeSpan.FromMinutes(scenario.Minutes / speed), time, stop.Token);
                log($"scenario {scenario.Name}: timeline played; {(stopAfter ? "stopping" : "the normal day goes on (Ctrl-C stops)")}");
                if (!stopAfter) await play;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the operator.
        }
        finally
        {
            await stop.CancelAsync();
            try { await play; } catch (OperationCanceledException) { }
        }

        log($"scenario {scenario.Name}: done; {client.Report}");
        return exit;
    }

    private async Task<int> Check(Scenario scenario, double speed, DateTimeOffset started, Action<string> log, CancellationToken cancellationToken)
    {
        var offset = await check.CentreClockOffset(started, cancellationToken);
        var centreStart = started + offset;
        if (offset != TimeSpan.Zero) log($"scenario {scenario.Name}: the centre's clock reads {CityTime.Local(centreStart):ddd dd MMM HH:mm} (city time)");
        var expected = await Expected(scenario, centreStart, log, cancellationToken);
        if (expected.Count == 0) return 0;
        var longest = TimeSpan.FromMinutes(expected.Max(e => e.WithinMinutes) / speed);
        var deadline = started + (longest > MinimumCheckTime ? longest : MinimumCheckTime);
        var reported = new HashSet<ExpectedAlert>();
        while (true)
        {
            var found = await check.Raised(expected, centreStart - TimeSpan.FromSeconds(5), cancellationToken);
            foreach (var (alert, id) in found.Where(f => reported.Add(f.Key)))
                log($"scenario {scenario.Name}: {alert.RuleId} in {alert.ZoneId} raised as {id} after {(time.GetUtcNow() - started).TotalSeconds:0} s");
            if (found.Count == expected.Count) return 0;
            if (time.GetUtcNow() > deadline)
            {
                foreach (var missing in expected.Where(e => !found.ContainsKey(e)))
                    log($"scenario {scenario.Name}: MISSING {missing.RuleId} in {missing.ZoneId}{(missing.Severity is null ? "" : $" ({missing.Severity})")}");
                return 1;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    /// <summary>The alerts to wait for: those tied to a walking street's hours only while the centre says it is open.</summary>
    private async Task<List<ExpectedAlert>> Expected(Scenario scenario, DateTimeOffset centreNow, Action<string> log, CancellationToken cancellationToken)
    {
        if (scenario.Expect.All(e => e.WhileOpen is null)) return [.. scenario.Expect];
        var streets = (await client.Catalog(cancellationToken)).WalkingStreets;
        var expected = new List<ExpectedAlert>();
        foreach (var alert in scenario.Expect)
        {
            if (alert.IsExpectedAt(streets, centreNow)) expected.Add(alert);
            else log($"scenario {scenario.Name}: {alert.RuleId} in {alert.ZoneId} not expected: {alert.WhileOpen} is closed on the centre's clock ({CityTime.Local(centreNow):ddd HH:mm})");
        }

        return expected;
    }
}
