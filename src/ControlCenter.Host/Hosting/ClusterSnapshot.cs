using System.Diagnostics.Metrics;
using ControlCenter.Contracts.Grains;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// The gauges that need grain calls — unresolved alerts and activations per grain class — read from a snapshot
/// refreshed in the background every <see cref="TelemetryOptions.ClusterRefreshPeriod"/>, so a scrape never calls a
/// grain. A change made through this host (an alert raised, worked or silenced) marks the snapshot stale, and the
/// next scrape waits for the refresh that follows, so what a person just did is never missing from it.
/// </summary>
public sealed class ClusterSnapshot : BackgroundService
{
    private static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly CityWarmup _warmup;
    private readonly IOptions<TelemetryOptions> _options;
    private readonly ILogger<ClusterSnapshot> _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private volatile Figures _figures = new([], []);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stale = true;

    private sealed record Figures(IReadOnlyList<Measurement<long>> Alerts, IReadOnlyList<Measurement<long>> Activations);

    public ClusterSnapshot(IMeterFactory meters, IGrainFactory grains, CityWarmup warmup, IOptions<TelemetryOptions> options, ILogger<ClusterSnapshot> logger)
    {
        _grains = grains;
        _warmup = warmup;
        _options = options;
        _logger = logger;
        var meter = meters.Create(CityTelemetry.MeterName);
        meter.CreateObservableGauge("controlcenter.alerts.active", () => _figures.Alerts, "{alert}",
            "Unresolved alerts by status and severity (suppressed: no, or what silenced or inhibited them)");
        meter.CreateObservableGauge("controlcenter.grain.activations", () => _figures.Activations, "{activation}",
            "Activations across the cluster per grain class");
    }

    /// <summary>A change this host made: the next scrape waits for a snapshot taken after it.</summary>
    public void MarkStale()
    {
        _stale = true;
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Waits (a few seconds at most) for a snapshot newer than the last change; otherwise serves the last one.</summary>
    public async Task Fresh(CancellationToken cancellationToken)
    {
        if (!_stale) return;
        var next = Volatile.Read(ref _next).Task;
        try
        {
            await next.WaitAsync(WaitAtMost, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogDebug("Serving the previous cluster snapshot: the refresh is late");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _warmup.Done.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = Volatile.Read(ref _next);
            Volatile.Write(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _stale = false;
            try
            {
                _figures = await Read();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Could not refresh the cluster snapshot for /metrics; the previous one stays");
            }

            done.TrySetResult();
            await _wake.WaitAsync(_options.Value.ClusterRefreshPeriod, stoppingToken);
        }
    }

    private async Task<Figures> Read()
    {
        var active = await _grains.GetGrain<IAlertBookGrain>(0).Active();
        var alerts = active
            .GroupBy(a => (a.Status, a.Severity, Suppressed: a.Suppressed?.By ?? "no"))
            .Select(g => new Measurement<long>(g.Count(),
                new("status", g.Key.Status), new("severity", g.Key.Severity), new("suppressed", g.Key.Suppressed)))
            .ToArray();
        var statistics = await _grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var activations = statistics
            .GroupBy(s => ShortTypeName(s.GrainType))
            .Select(g => new Measurement<long>(g.Sum(s => s.ActivationCount), new KeyValuePair<string, object?>("type", g.Key)))
            .ToArray();
        return new Figures(alerts, activations);
    }

    /// <summary>"ControlCenter.Grains.Sensors.SensorGrain,ControlCenter.Grains" → "SensorGrain".</summary>
    private static string ShortTypeName(string grainType)
    {
        var typeName = grainType.Split(',')[0];
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
