using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// One catalogue sensor: applies its readings (de-duplicated by timestamp), keeps what its derived figures
/// need, watches its own health on a timer, and tells its parent and zone after every change.
/// </summary>
public sealed class SensorGrain(
    [PersistentState(StorageNames.SensorState, StorageNames.GrainStore)] IPersistentState<SensorGrainState> store,
    CityCatalog catalog,
    ThresholdSource thresholds,
    SensorDerivation derivation,
    CityClock clock,
    IOptions<CityModelOptions> options) : Grain, ISensorGrain
{
    private Sensor _sensor = null!;
    private SensorView _view = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sensor = catalog.FindSensor(this.GetPrimaryKeyString())
            ?? throw new InvalidOperationException($"Sensor '{this.GetPrimaryKeyString()}' is not in the catalogue.");
        if (store.State.FirstKnownAt is null) store.State = store.State with { FirstKnownAt = clock.Now };
        // Show exactly what this version was (its stored health); the first timer tick, at once, commits any
        // change of health since, as a new version.
        _view = derivation.Derive(_sensor, store.State, Enum.Parse<HealthState>(store.State.Health, ignoreCase: true));
        var period = options.Value.HealthCheckPeriod;
        this.RegisterGrainTimer(RefreshHealth, new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        // A zone that restarted does not know which of its sensors are silent: the silent ones tell it again.
        return store.State.Health == "ok" ? Task.CompletedTask : TellZoneHealth();
    }

    public async Task<ReadingOutcome[]> Ingest(SensorReading[] readings)
    {
        var outcomes = new ReadingOutcome[readings.Length];
        var state = store.State;
        for (var i = 0; i < readings.Length; i++)
        {
            outcomes[i] = DedupWindow.Classify(state.RecentTs, readings[i].Ts.ToUnixTimeMilliseconds(), DedupWindow.HorizonMs(_sensor.Kind));
            if (outcomes[i] == ReadingOutcome.Accepted) state = ReadingBuffers.Apply(state, _sensor.Kind, readings[i], clock.Now);
        }

        if (Array.IndexOf(outcomes, ReadingOutcome.Accepted) >= 0)
        {
            var health = CurrentHealth(state);
            await Commit(state with { Health = health.ToString().ToLowerInvariant() }, health);
        }

        return outcomes;
    }

    public Task<EntityState> GetState() => Task.FromResult(ToEntityState());

    public Task<MemberSummary> GetSummary() => Task.FromResult(ToSummary());

    public async Task RefreshHealth()
    {
        var health = CurrentHealth();
        var wire = health.ToString().ToLowerInvariant();
        if (wire == store.State.Health) return;
        await Commit(store.State with { Health = wire }, health);
    }

    /// <summary>Write first, then tell the feed and the aggregates (so nothing is announced that a crash could take back).</summary>
    private async Task Commit(SensorGrainState next, HealthState health)
    {
        var healthChanged = next.Health != store.State.Health;
        if (healthChanged) next = next with { HealthSince = clock.Now };
        await store.WriteOrRevert(next with { Version = next.Version + 1 }, this);
        if (healthChanged) await TellZoneHealth();
        _view = derivation.Derive(_sensor, store.State, health);
        await GrainFactory.GetGrain<IFeedPublisherGrain>(0).Publish(ToEntityState());
        var summary = ToSummary();
        if (_sensor.ParentId is { } parent)
        {
            IAggregateGrain aggregate = _sensor.Kind == SensorKinds.Traffic
                ? GrainFactory.GetGrain<IJunctionGrain>(parent)
                : GrainFactory.GetGrain<IParkingLotGrain>(parent);
            await aggregate.MemberChanged(summary);
        }
        else
        {
            await GrainFactory.GetGrain<IZoneGrain>(_sensor.ZoneId).MemberChanged(summary);
        }
    }

    public Task AnnounceHealth() => store.State.Health == "ok" ? Task.CompletedTask : TellZoneHealth();

    private Task TellZoneHealth() =>
        GrainFactory.GetGrain<IZoneGrain>(_sensor.ZoneId).SensorHealthChanged(_sensor.Id, store.State.Health, store.State.HealthSince ?? clock.Now);

    private HealthState CurrentHealth(SensorGrainState? state = null)
    {
        state ??= store.State;
        var lastHeard = state.LastTs ?? state.FirstKnownAt ?? clock.Now;
        return SensorHealth.Evaluate(lastHeard, clock.Now, _sensor.ReportingIntervalSeconds, thresholds.Packs.Health);
    }

    private EntityState ToEntityState() => new(
        _sensor.Id, _sensor.Kind, _sensor.ZoneId, store.State.Version, store.State.LastTs,
        _view.Status.ToWire(), store.State.Values, _view.Derived);

    private MemberSummary ToSummary() => new(
        _sensor.Id, _sensor.Kind, store.State.Version, _view.Status, store.State.LastTs, _view.Figures,
        new SensorHealthCounts(1, _view.Status == EntityStatus.Stale ? 1 : 0, _view.Status == EntityStatus.Offline ? 1 : 0));
}
