using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Parking;
using static ControlCenter.Grains.Tests.SiloLoss.SiloLossCluster;

namespace ControlCenter.Grains.Tests.SiloLoss;

/// <summary>
/// Periodic work whose grains lived on a silo that was killed, and that nobody calls afterwards, still happens on
/// time: the sweeper's reminder brings each grain back on the surviving silo and has it check itself. The grains' own
/// timers are an hour apart here, so what happens is the sweeper's doing; the city clock is moved past each
/// deadline and the wait is a few sweep periods of real time (the in-process kill declares the silo dead at once).
/// </summary>
[NonParallelizable]
public class SiloLossTests
{
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(15);

    private static DateTimeOffset Now => Clock.GetUtcNow();

    private static ICitySweeperGrain Sweeper => Factory.GetGrain<ICitySweeperGrain>(0);

    [Test]
    public async Task SensorOnKilledSilo_FallsSilent_TurnsStaleThenOfflineOnTime()
    {
        var sensor = Factory.GetGrain<ISensorGrain>(SiloLossCity.HealthSensor);
        await Ingest(new SensorReading(SiloLossCity.HealthSensor, Now, new Dictionary<string, double> { ["depthCm"] = 0 }));
        var doomed = await StartDoomedSilo();
        // The sweeper too: its reminder must fire from the survivor, not from the silo that hosted it.
        await PlaceOn(doomed, sensor, Sweeper);

        await Kill(doomed);
        Clock.Advance(TimeSpan.FromMinutes(3));

        await WaitUntilBack(sensor, doomed);
        await Eventually.Until(() => StatusOf(sensor), s => s == "stale", "the silent sensor to turn stale on the survivor", OnTime);
        Clock.Advance(TimeSpan.FromMinutes(7));
        await Eventually.Until(() => StatusOf(sensor), s => s == "offline", "the silent sensor to turn offline on the survivor", OnTime);
        var stored = StoredStates.Stored<ControlCenter.Grains.Sensors.SensorGrainState>(StorageNames.SensorState, SiloLossCity.HealthSensor);
        Assert.That(stored?.Health, Is.EqualTo(Domain.Derived.HealthState.Offline), "the change of health was written before it was announced");
    }

    [Test]
    public async Task ZoneOnKilledSilo_KeepsRunningRulePasses_RaisesSilentSensorAlert()
    {
        var zone = Factory.GetGrain<IZoneGrain>(SiloLossCity.RulesZone);
        var sensor = Factory.GetGrain<ISensorGrain>(SiloLossCity.RulesSensor);
        await Ingest(new SensorReading(SiloLossCity.RulesSensor, Now, new Dictionary<string, double> { ["pm25"] = 20, ["pm10"] = 30 }));
        var doomed = await StartDoomedSilo();
        await PlaceOn(doomed, zone, sensor);

        await Kill(doomed);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Eventually.Until(() => StatusOf(sensor), s => s == "stale", "the zone's silent sensor to turn stale", OnTime);

        // The silent-sensor rule holds for a minute before it raises: only a rule pass after that raises it, and with
        // the zone's own timer an hour away, each pass is the sweeper's. The city's time runs on while we wait.
        var alerts = await Eventually.Until(async () =>
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            return await Factory.GetGrain<IAlertBookGrain>(0).ActiveInZone(SiloLossCity.RulesZone).WaitAsync(CallTimeout);
        }, a => a.Any(x => x.RuleId == AlertRules.SensorSilent), "a rule pass of the zone to raise the silent-sensor alert", OnTime);

        Assert.That(alerts.Single(a => a.RuleId == AlertRules.SensorSilent).EntityIds, Does.Contain(SiloLossCity.RulesSensor));
        Assert.That(await HostOf(zone), Is.Not.EqualTo(doomed.SiloAddress), "the zone runs on the survivor");
    }

    [Test]
    public async Task LotDeskOnKilledSilo_ExpiresHoldAndErasesPlateOnTime()
    {
        await Ingest(new SensorReading("gate-lost", Now, new Dictionary<string, double> { ["occupiedCount"] = 2 }));
        var desk = Factory.GetGrain<ILotDeskGrain>(SiloLossCity.Lot);
        var placed = Now;
        var hold = new ParkingHold("hold-lost-1", "app-1", SiloLossCity.Lot, "30A12345", VehicleTypes.Car, placed, placed, ParkingHold.Held, null);
        var held = await Eventually.Until(() => desk.Hold(hold), a => a.Hold is not null, "the lot's gate count to reach its desk");
        var session = Factory.GetGrain<IParkingSessionGrain>("session-lost-1");
        Assert.That((await session.Start(new SessionStart("app-1", SiloLossCity.Lot, "29B67890", VehicleTypes.Motorbike, null))).Refusal, Is.Null);
        Assert.That((await session.End("app-1")).Session?.EndedAt, Is.Not.Null);
        var doomed = await StartDoomedSilo();
        await PlaceOn(doomed, desk);

        await Kill(doomed);
        // Past the hold's expiry (10 minutes after it was placed) and the plate's retention (an hour after the session ended).
        Clock.Advance(TimeSpan.FromMinutes(61));

        await WaitUntilBack(desk, doomed);
        var state = await Eventually.Until(() => Task.FromResult(StoredStates.Stored<LotDeskState>(StorageNames.LotDeskState, SiloLossCity.Lot)),
            s => s?.Holds[held.Hold!.HoldId].Status == ParkingHold.Expired
                && (!s.Sessions.TryGetValue("session-lost-1", out var ended) || ended.PlateForgotten),
            "the desk, back on the survivor, to expire the hold and have the session's plate erased", OnTime);
        var stored = StoredStates.Stored<ParkingSessionState>(StorageNames.ParkingSessionState, "session-lost-1");
        Assert.Multiple(() =>
        {
            Assert.That(state!.Holds[held.Hold!.HoldId].ExpiresAt, Is.LessThan(Now));
            Assert.That(stored?.Session?.Plate, Is.Null, "the session's stored plate is erased");
        });
    }

    /// <summary>The sensor's status, read only once it is active on a live silo (so the read itself activates nothing).</summary>
    private static async Task<string?> StatusOf(ISensorGrain sensor)
    {
        var host = await HostOf(sensor);
        if (host is null || !Cluster.GetActiveSilos().Any(s => s.SiloAddress.Equals(host))) return null;
        return (await sensor.GetState().WaitAsync(CallTimeout)).Status;
    }
}
