using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Egov;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Egov;

/// <summary>
/// This host's copy of the city's figures for the walls: refreshed at once after an import made here, and within
/// <see cref="Period"/> after one made through another host (it asks the grain for its version, a small call).
/// <see cref="Changed"/> fires when a new version arrives.
/// </summary>
public sealed class EgovBoard(IGrainFactory grains, ThresholdSource thresholds, CityWarmup warmup, ILogger<EgovBoard> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile ServiceKpiBook _book = new(0, []);
    private volatile IReadOnlyList<ServiceFigures> _figures = [];

    public event Action? Changed;

    public long Version => _book.Version;

    public IReadOnlyList<ServiceFigures> Figures => _figures;

    /// <summary>The summary under the targets in force now.</summary>
    public ServiceKpiSummary Summary() => ServiceKpiSummary.Of(_figures.ToList(), thresholds.Packs.Egov);

    public IReadOnlyList<ServiceFigures> Trend(string department) => ServiceKpiSummary.Trend(_figures, department);

    public double TargetFor(string department) => thresholds.Packs.Egov.TargetFor(department);

    public async Task RefreshNow()
    {
        await _refreshing.WaitAsync();
        bool changed;
        try
        {
            var grain = grains.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey);
            if (await grain.Version() == _book.Version) return;
            var book = await grain.Get();
            changed = book.Version != _book.Version;
            _figures = [.. book.Rows.Select(r => r.ToFigures())];
            _book = book;
        }
        finally
        {
            _refreshing.Release();
        }

        if (changed) Changed?.Invoke();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await warmup.Done.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await RefreshNow();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not refresh the e-government figures; the walls keep version {Version}", _book.Version);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }
}
