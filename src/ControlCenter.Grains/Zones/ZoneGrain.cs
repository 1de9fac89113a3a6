using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Zones;

/// <summary>
/// One zone: the current summary of every domain in it. Its members are its lots, junctions and the sensors
/// that stand alone (air, water, rain, flood); spot sensors and detectors reach it through their lot or junction.
/// </summary>
public sealed class ZoneGrain(
    [PersistentState(StorageNames.ZoneState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdSource thresholds,
    CityClock clock,
    IOptions<CityModelOptions> options,
    ILogger<ZoneGrain> logger) : MemberAggregateGrain(store, catalog, options), IZoneGrain
{
    private Zone? _zone;
    private ZoneSummary _summary = null!;
    private ZoneRules? _rules;

    private ZoneRules Rules => _rules ??= new ZoneRules(Zone.Id, Catalog);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // The zone's signal numbers go on from the last one the book recorded as applied, not from a counter
        // kept here (one more write per evaluation): the book records each number with its signal's effect, and
        // the signals the previous activation had not handed on died with it, so the numbers above are free
        // (the seed below already shows any effect a lost signal had). No signal of this zone reaches the book
        // between the two calls: the zone is the only sender of its numbers.
        var book = GrainFactory.GetGrain<IAlertBookGrain>(0);
        Rules.Seed(await book.ActiveInZone(Zone.Id), await book.LastApplied(Zone.Id));
        // Which sensors are silent is not kept here: the silent ones say so again.
        foreach (var sensor in Catalog.SensorsInZone(Zone.Id).Where(s => !s.Retired))
            await GrainFactory.GetGrain<ISensorGrain>(sensor.Id).AnnounceHealth();
        var period = ModelOptions.RuleEvaluationPeriod;
        this.RegisterGrainTimer(EvaluateRules, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    private const string FloodReason = "flood";

    public Task SensorHealthChanged(string sensorId, HealthState health, DateTimeOffset since)
    {
        Rules.SensorHealthChanged(sensorId, health, since);
        return Task.CompletedTask;
    }

    public async Task EvaluateRules()
    {
        var (signals, lots) = Rules.Evaluate(Members.Values, thresholds.Packs, clock.Now);
        try
        {
            if (signals.Count > 0)
            {
                await GrainFactory.GetGrain<IAlertBookGrain>(0).Apply(Zone.Id, signals);
                Rules.Sent(signals[^1].Sequence);
            }

            // A lot's closure follows the rule; one that cannot be told now is told at the next evaluation.
            foreach (var (lot, flooded) in lots) await GrainFactory.GetGrain<IParkingLotGrain>(lot).SetUnavailable(flooded ? FloodReason : null);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Zone {ZoneId} could not hand its alert signals or lot closures on; they go again next evaluation", Zone.Id);
        }
    }

    private Zone Zone => _zone ??= Catalog.FindZone(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Zone '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    public Task<ZoneSummary> GetZoneSummary() => Task.FromResult(_summary);

    protected override IEnumerable<string> MemberIds() =>
        Catalog.LotsInZone(Zone.Id).Select(l => l.Id)
            .Concat(Catalog.JunctionsInZone(Zone.Id).Select(j => j.Id))
            .Concat(Catalog.SensorsInZone(Zone.Id).Where(s => s.ParentId is null && !s.Retired).Select(s => s.Id));

    protected override void Recompute()
    {
        var members = Members.Values;
        _summary = ZoneSummaryBuilder.Build(Zone.Id, Version, members);
        SetView(Zone.Id, EntityKinds.Zone, Zone.Id, new AggregateView(
            ZoneSummaryBuilder.StatusOf(members), ZoneDerived.From(_summary), [], _summary.Health, members.Max(m => m.Ts)));
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<ICityGrain>(EntityKinds.CityId).ZoneChanged(_summary);
}
