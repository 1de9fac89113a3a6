using ControlCenter.Grains.Feed;
using Microsoft.Extensions.DependencyInjection;
using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Air;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Zones;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.City;

/// <summary>The city-wide summary behind the KPI tiles; its members are the zones.</summary>
public sealed class CityGrain(
    [PersistentState(StorageNames.CityState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdSource thresholds,
    CityClock clock,
    IOptions<CityModelOptions> options) : AggregateGrain<ZoneSummary>(store, options), ICityGrain
{
    private KpiSnapshot _kpi = null!;
    private EntityState _state = null!;
    private ServiceKpiHeadline _egov = ServiceKpiHeadline.None;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The e-government tiles come from their grain, not from a zone: read them before the first flush.
        _egov = await GrainFactory.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey).Headline();
        await base.OnActivateAsync(cancellationToken);
    }

    public Task<EntityState> GetState() => Task.FromResult(_state);

    protected override EntityState CurrentState => _state;

    public Task<KpiSnapshot> GetKpi() => Task.FromResult(_kpi);

    public Task ZoneChanged(ZoneSummary zone)
    {
        Accept(zone.ZoneId, zone);
        return Task.CompletedTask;
    }

    public Task ServiceFiguresChanged(ServiceKpiHeadline headline)
    {
        if (headline.Version > _egov.Version)
        {
            _egov = headline;
            ChangeOwnState(state => state);
        }

        return Task.CompletedTask;
    }

    protected override IEnumerable<string> MemberIds() => catalog.Zones.Select(z => z.Id);

    protected override Task<ZoneSummary> FetchMember(string memberId) => GrainFactory.GetGrain<IZoneGrain>(memberId).GetZoneSummary();

    protected override long VersionOf(ZoneSummary member) => member.Version;

    protected override void Recompute()
    {
        var zones = Members.Values;
        _kpi = new KpiSnapshot(clock.Now, Version, KpiBuilder.Build(zones, thresholds.Packs, thresholds.Aqi, _egov));
        var derived = _kpi.Tiles.ToDictionary(t => t.Id, t => (object?)t.Value, StringComparer.Ordinal);
        _state = new EntityState(EntityKinds.CityId, EntityKinds.City, EntityKinds.CityId, Version, _kpi.Ts,
            WorstTileStatus(), new Dictionary<string, double>(), derived);
    }

    private string WorstTileStatus() =>
        _kpi.Tiles.Any(t => t.Status == "alert") ? "alert" : _kpi.Tiles.Any(t => t.Status == "warning") ? "warning" : "ok";

    /// <summary>The city has nothing above it; its tiles go to the feed as <c>kpi</c>.</summary>
    protected override Task PublishUpward()
    {
        ServiceProvider.GetRequiredService<FeedPublisher>().PublishKpi(_kpi);
        return Task.CompletedTask;
    }
}
