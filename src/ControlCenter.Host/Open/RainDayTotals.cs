using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open;

/// <summary>
/// Each rain gauge's last 24 hours, read from the log in the background — soon after gauges report (at most every
/// <see cref="MinimumGap"/>) and once a minute as the window slides — so that no public request ever queries the
/// database for it (a storm is when the portal is busiest). Moves the rain stamp when a total changes.
/// </summary>
public sealed class RainDayTotals(CityCatalog catalog, OpenHistory history, OpenCity city, ILogger<RainDayTotals> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _rainFell = new(0, 1);

    private volatile IReadOnlyDictionary<string, double> _totals = new Dictionary<string, double>();

    /// <summary>mm per gauge; a gauge is missing until its first total is read.</summary>
    public IReadOnlyDictionary<string, double> Totals => _totals;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        city.DomainChanged += topic =>
        {
            if (topic == "rain" && _rainFell.CurrentCount == 0) try { _rainFell.Release(); } catch (SemaphoreFullException) { }
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Refresh(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The portal keeps the totals it has (or shows none); the next round tries again.
                logger.LogWarning(ex, "Could not read the rain gauges' 24 h totals");
            }

            await Task.Delay(MinimumGap, stoppingToken);
            await _rainFell.WaitAsync(Period, stoppingToken);
        }
    }

    public async Task Refresh(CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var gauge in catalog.Sensors.Where(s => s.Kind == SensorKinds.Rain && !s.Retired))
            totals[gauge.Id] = Math.Round(await history.RainDay(gauge.Id, cancellationToken), 1);
        var before = _totals;
        _totals = totals;
        if (before.Count != totals.Count || totals.Any(t => !before.TryGetValue(t.Key, out var old) || old != t.Value)) city.Bump("rain");
    }
}
