using ControlCenter.Scenarios;
using ControlCenter.Scenarios.Ingest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Drills;

/// <summary>
/// Runs at most one drill at a time in this host: the scenario's timeline over a normal day, sent through the
/// public ingest API. It ends by itself when the timeline is played, or when an operator stops it.
/// </summary>
public sealed class DrillControl(IOptions<DrillOptions> options, IServer server, TimeProvider time, ILogger<DrillControl> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private readonly Queue<string> _log = new();

    public bool Enabled => options.Value.Enabled;

    public ActiveDrill? Active { get; private set; }

    /// <summary>The drill's latest progress lines (alerts it raised, what it sent).</summary>
    public string[] Log { get { lock (_gate) return [.. _log]; } }

    public event Action? Changed;

    /// <returns>null when started, else why not.</returns>
    public string? Start(string name, double speed, string by) => Start(name, speed, by, out _)?.Message;

    /// <returns>null when started (<paramref name="started"/> is then the drill), else why not.</returns>
    public DrillRefusal? Start(string name, double speed, string by, out ActiveDrill? started)
    {
        started = null;
        if (!Enabled) return new(DrillRefusalKind.DrillsOff, "Drills are off: set Drills:IngestKey.");
        if (!Scenario.Names.Contains(name)) return new(DrillRefusalKind.NoSuchScenario, $"No scenario '{name}'.");
        if (speed is < 1 or > 60) return new(DrillRefusalKind.SpeedOutOfRange, "speed is 1 to 60 (city minutes per real minute).");
        var scenario = Scenario.Load(name);
        var now = time.GetUtcNow();
        CancellationTokenSource stop;
        lock (_gate)
        {
            if (Active is not null) return new(DrillRefusalKind.AnotherIsRunning, $"The drill '{Active.Name}' is running; stop it first.");
            stop = _stop = new CancellationTokenSource();
            started = Active = new ActiveDrill(scenario.Name, scenario.Title, scenario.TitleEn, speed, by, now, now + TimeSpan.FromMinutes(scenario.Minutes / speed));
            _log.Clear();
        }

        _ = Task.Run(() => Play(scenario, speed, stop.Token));
        Changed?.Invoke();
        return null;
    }

    public bool Stop()
    {
        lock (_gate)
        {
            if (_stop is null) return false;
            _stop.Cancel();
            return true;
        }
    }

    private async Task Play(Scenario scenario, double speed, CancellationToken stop)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(OwnAddress()) };
            var client = new IngestClient(http, options.Value.IngestKey, new IngestReport());
            var runner = new ScenarioRunner(client, new AlertCheck(http, options.Value.IngestKey), time);
            await runner.Run(scenario, speed, checkAlerts: false, stopAfter: true, seed: 1, Note, stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Drill {Scenario} failed", scenario.Name);
            Note($"drill failed: {ex.Message}");
        }
        finally
        {
            lock (_gate)
            {
                Active = null;
                _stop?.Dispose();
                _stop = null;
            }

            Changed?.Invoke();
        }
    }

    private void Note(string line)
    {
        lock (_gate)
        {
            _log.Enqueue(line);
            while (_log.Count > 30) _log.Dequeue();
        }

        logger.LogInformation("{Line}", line);
    }

    private string OwnAddress()
    {
        if (options.Value.Url.Length > 0) return options.Value.Url;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The host listens nowhere the drill can reach; set Drills:Url.");
        // A wildcard listen address is reached on loopback.
        return address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        lock (_gate) _stop?.Cancel();
    }
}
