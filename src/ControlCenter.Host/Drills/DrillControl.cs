using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Scenarios;
using ControlCenter.Scenarios.Ingest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace ControlCenter.Host.Drills;

/// <summary>
/// At most one drill in the whole cluster, held by <see cref="IDrillGrain"/>: the scenario's timeline over a normal
/// day, played by the host where it was started and sent through that host's public ingest API. It ends by itself
/// when the timeline is played, or when an operator on any host stops it: the playing host renews its lease every
/// <see cref="DrillOptions.PollPeriod"/> and hears the stop there. Every host reads the cluster's drill as often,
/// for the wall's banner.
/// </summary>
public sealed class DrillControl(
    IOptions<DrillOptions> options, IServer server, TimeProvider time, IGrainFactory grains, ILocalSiloDetails silo, ILogger<DrillControl> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _log = new();
    private CancellationTokenSource? _stop;
    private string? _runId;
    private string? _runName;

    public bool Enabled => options.Value.Enabled;

    /// <summary>The cluster's drill as this host last read it (within a poll period); the API reads the grain itself.</summary>
    public ActiveDrill? Active { get; private set; }

    /// <summary>The latest progress lines of a drill this host plays (alerts it raised, what it sent).</summary>
    public string[] Log { get { lock (_gate) return [.. _log]; } }

    public event Action? Changed;

    private IDrillGrain Grain => grains.GetGrain<IDrillGrain>(IDrillGrain.CityKey);

    /// <summary>The cluster's drill now.</summary>
    public async Task<ActiveDrill?> Current() => await Grain.Current() is { } run ? ActiveDrill.Of(run) : null;

    /// <returns>The drill started, or why not.</returns>
    public async Task<(DrillRefusal? Refusal, ActiveDrill? Started)> Start(string name, double speed, string by)
    {
        if (!Enabled) return (new(DrillRefusalKind.DrillsOff, "Drills are off: set Drills:IngestKey."), null);
        if (!Scenario.Names.Contains(name)) return (new(DrillRefusalKind.NoSuchScenario, $"No scenario '{name}'."), null);
        if (speed is < 1 or > 60) return (new(DrillRefusalKind.SpeedOutOfRange, "speed is 1 to 60 (city minutes per real minute)."), null);
        var scenario = Scenario.Load(name);
        var now = time.GetUtcNow();
        var run = new DrillRun
        {
            RunId = Guid.NewGuid().ToString("N"), Name = scenario.Name, Title = scenario.Title, TitleEn = scenario.TitleEn, Speed = speed,
            StartedBy = by, StartedAt = now, EndsAt = now + TimeSpan.FromMinutes(scenario.Minutes / speed),
            Host = silo.SiloAddress.ToString(), Lease = options.Value.LeaseDuration,
        };
        if (await Grain.TryStart(run) is { } running)
            return (new(DrillRefusalKind.AnotherIsRunning, $"The drill '{running.Name}' is running (on {running.Host}); stop it first."), null);

        var stop = new CancellationTokenSource();
        var started = ActiveDrill.Of(run);
        lock (_gate)
        {
            _stop = stop;
            _runId = run.RunId;
            _runName = run.Name;
            _log.Clear();
        }

        Show(started);
        _ = Task.Run(() => Play(scenario, run.RunId, speed, stop.Token));
        return (null, started);
    }

    /// <returns>The name of the drill that stops (wherever it plays), or null when none runs.</returns>
    public async Task<string?> Stop()
    {
        lock (_gate)
        {
            if (_stop is not null)
            {
                _stop.Cancel();
                return _runName;
            }
        }

        return (await Grain.RequestStop())?.Name;
    }

    /// <summary>Renews this host's lease (or hears a stop) and reads the cluster's drill for the wall.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                string? runId;
                lock (_gate) runId = _runId;
                if (runId is not null && !await Grain.Renew(runId))
                {
                    logger.LogInformation("Drill {RunId} stopped from another host, or its lease lapsed", runId);
                    lock (_gate) if (_runId == runId) _stop?.Cancel();
                }

                var current = await Current();
                if (current != Active) Show(current);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The grain's silo may be going away; the next tick asks again.
                logger.LogDebug(ex, "Reading the cluster's drill failed");
            }
        }
    }

    private void Show(ActiveDrill? drill)
    {
        Active = drill;
        Changed?.Invoke();
    }

    private async Task Play(Scenario scenario, string runId, double speed, CancellationToken stop)
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
                _stop?.Dispose();
                _stop = null;
                _runId = null;
                _runName = null;
            }

            try
            {
                await Grain.End(runId);
            }
            catch (Exception ex)
            {
                // Not told, the grain frees the cluster when the lease lapses.
                logger.LogWarning(ex, "Could not tell the cluster that drill {Scenario} ended", scenario.Name);
            }

            Show(null);
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

    public override void Dispose()
    {
        lock (_gate) _stop?.Cancel();
        base.Dispose();
    }
}
