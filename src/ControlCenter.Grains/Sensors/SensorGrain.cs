using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Feed;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// One catalogue sensor: folds its rows of the readings log (which ingest appended durably before calling it) in
/// log order, watches its own health on a timer, and tells its parent, its zone and the feed after every change.
/// Its stored state is a checkpoint, written in the background (<see cref="SensorCheckpoint"/>); an activation
/// replays the log's rows after it, so live state is always the fold of every accepted reading.
/// </summary>
public sealed class SensorGrain(
    [PersistentState(StorageNames.SensorState, StorageNames.GrainStore)] IPersistentState<SensorGrainState> stored,
    IReadingLog log,
    CityCatalog catalog,
    ThresholdSource thresholds,
    SensorDerivation derivation,
    FeedPublisher feed,
    CityClock clock,
    IOptions<CityModelOptions> options,
    ILogger<SensorGrain> logger) : Grain, ISensorGrain
{
    private Sensor _sensor = null!;
    private SensorCheckpoint _checkpoint = null!;
    private SensorView _view = null!;

    /// <summary>The checkpoint plus every row folded since.</summary>
    private SensorGrainState _state = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sensor = catalog.FindSensor(this.GetPrimaryKeyString())
            ?? throw new InvalidOperationException($"Sensor '{this.GetPrimaryKeyString()}' is not in the catalogue.");
        _checkpoint = new SensorCheckpoint(stored, this, options.Value, logger);
        _state = stored.State.FirstKnownAt is null ? stored.State with { FirstKnownAt = clock.Now } : stored.State;
        var replayed = await log.ReadAfter(_sensor.Id, _state.LogSeq, cancellationToken);
        foreach (var row in replayed) _state = ReadingBuffers.Apply(_state, _sensor.Kind, row);
        // Rows replayed settle health as Apply did when they first came (no version of its own); without rows, show
        // the health the state holds, and the first health tick, at once, records any change since as a new version.
        if (replayed.Count > 0) _state = WithHealth(_state, CurrentHealth(_state));
        _view = derivation.Derive(_sensor, _state, _state.Health);
        var period = options.Value.HealthCheckPeriod;
        this.RegisterGrainTimer(RefreshHealth, new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        var every = options.Value.CheckpointPeriod;
        // Interleaved: a checkpoint being written never holds up the readings arriving meanwhile.
        this.RegisterGrainTimer(() => _checkpoint.WriteInBackground(_state), new GrainTimerCreationOptions(every, every) { KeepAlive = true, Interleave = true });
        // A zone that restarted does not know which of its sensors are silent: the silent ones tell it again.
        if (_state.Health != HealthState.Ok) await TellZoneHealth();
        // Rows that reached the log but not this grain before a crash: the feed and the aggregate above hear of them
        // now (one-way calls: an aggregate that is activating and reading this grain's summary cannot deadlock).
        if (replayed.Count > 0) await Announce(_state.Health, healthChanged: false);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _checkpoint.WriteOnDeactivation(_state);

    public async Task Apply(LoggedReading[] readings)
    {
        var expected = _state.LogSeq + 1;
        var fresh = readings.Where(r => r.Seq >= expected).OrderBy(r => r.Seq).ToList();
        if (fresh.Count == 0) return;
        if (fresh[0].Seq != expected || fresh[^1].Seq != expected + fresh.Count - 1)
        {
            // Rows of another request committed before these and have not reached this grain yet: take every row
            // after this state's position from the log (these are among them), so rows fold in log order.
            fresh = [.. await log.ReadAfter(_sensor.Id, _state.LogSeq, CancellationToken.None)];
        }

        var state = _state;
        foreach (var row in fresh) state = ReadingBuffers.Apply(state, _sensor.Kind, row);
        var health = CurrentHealth(state);
        var healthChanged = health != _state.Health;
        _state = WithHealth(state, health);
        await Announce(health, healthChanged);
    }

    public async Task CatchUp()
    {
        var rows = await log.ReadAfter(_sensor.Id, _state.LogSeq, CancellationToken.None);
        if (rows.Count > 0) await Apply([.. rows]);
    }

    public Task<EntityState> GetState() => Task.FromResult(ToEntityState());

    public Task<MemberSummary> GetSummary() => Task.FromResult(ToSummary());

    public Task<SensorFolds> GetFolds() => Task.FromResult(new SensorFolds(_state.Version, _state.LogSeq, _state.HealthChanges));

    /// <summary>
    /// A change of health with no reading is not in the log: it is a new version that must be durable before anyone
    /// hears of it, so the checkpoint is written first.
    /// </summary>
    public async Task RefreshHealth()
    {
        var health = CurrentHealth(_state);
        if (health == _state.Health) return;
        var before = _state;
        try
        {
            _state = WithHealth(_state with { Version = _state.Version + 1, HealthChanges = _state.HealthChanges + 1 }, health);
            await _checkpoint.WriteNow(_state);
        }
        catch
        {
            _state = before;
            throw;
        }

        await Announce(health, healthChanged: true);
    }

    public Task AnnounceHealth() => _state.Health == HealthState.Ok ? Task.CompletedTask : TellZoneHealth();

    /// <summary>Tells the zone (on a change of health), the feed and the aggregate above about the state now held.</summary>
    private async Task Announce(HealthState health, bool healthChanged)
    {
        if (healthChanged) await TellZoneHealth();
        _view = derivation.Derive(_sensor, _state, health);
        feed.Publish(ToEntityState());
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

    private SensorGrainState WithHealth(SensorGrainState state, HealthState health) =>
        health == state.Health ? state : state with { Health = health, HealthSince = clock.Now };

    private Task TellZoneHealth() =>
        GrainFactory.GetGrain<IZoneGrain>(_sensor.ZoneId).SensorHealthChanged(_sensor.Id, _state.Health, _state.HealthSince ?? clock.Now);

    private HealthState CurrentHealth(SensorGrainState state)
    {
        var lastHeard = state.LastTs ?? state.FirstKnownAt ?? clock.Now;
        return SensorHealth.Evaluate(lastHeard, clock.Now, _sensor.ReportingIntervalSeconds, thresholds.Packs.Health);
    }

    private EntityState ToEntityState() => new(
        _sensor.Id, _sensor.Kind, _sensor.ZoneId, _state.Version, _state.LastTs, _view.Status.ToWire(), _state.Values, _view.Derived);

    private MemberSummary ToSummary() => new(
        _sensor.Id, _sensor.Kind, _state.Version, _view.Status, _state.LastTs, _view.Figures,
        new SensorHealthCounts(1, _view.Status == EntityStatus.Stale ? 1 : 0, _view.Status == EntityStatus.Offline ? 1 : 0));
}
