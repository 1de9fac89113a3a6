using System.Diagnostics;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace ControlCenter.Grains.City;

/// <summary>
/// The guarantee behind every grain timer. Timers die with their activation, and a grain whose silo died is not
/// brought back until something calls it; a reminder is kept in the cluster's reminder table and fires on whichever
/// silo owns it. So one reminder wakes this grain every <see cref="CityModelOptions.SweepPeriod"/>, and it asks each
/// catalogue sensor, zone and lot desk to check itself now (activating it on a live silo if need be, where its timers
/// start again), then wakes the singletons whose timers retry work (alert book, webhook outboxes, e-government
/// figures). One reminder row instead of one per grain: a tick costs a few thousand in-cluster calls, no storage.
/// </summary>
public sealed class CitySweeperGrain(CityCatalog catalog, CityClock clock, IOptions<CityModelOptions> options, ILogger<CitySweeperGrain> logger)
    : Grain, ICitySweeperGrain, IRemindable
{
    private const string SweepReminder = "city-sweep";

    /// <summary>
    /// Checks in flight at once. After a silo dies, a sweep activates every grain it hosted, each reading its state
    /// and its rows of the log: a steady stream, not thousands of activations at the same moment.
    /// </summary>
    private const int InFlight = 64;

    /// <summary>A grain on a silo that is dead but not yet declared so may not answer; the next sweep asks it again.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private Task _sweeping = Task.CompletedTask;
    private SweepReport? _last;

    public Task Start()
    {
        var period = options.Value.SweepPeriod;
        return this.RegisterOrUpdateReminder(SweepReminder, period, period);
    }

    public Task<SweepReport?> LastSweep() => Task.FromResult(_last);

    /// <summary>
    /// Starts a sweep and returns: a long sweep never times the tick out, and a tick that finds the previous sweep
    /// still running leaves it to finish, so sweeps never pile up.
    /// </summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder && _sweeping.IsCompleted) _sweeping = Sweep();
        return Task.CompletedTask;
    }

    private async Task Sweep()
    {
        var startedAt = clock.Now;
        var watch = Stopwatch.StartNew();
        var sensors = catalog.Sensors.Where(s => !s.Retired).Select(s => s.Id).ToList();
        var zones = catalog.Zones.Select(z => z.Id).ToList();
        var lots = catalog.ParkingLots.Select(l => l.Id).ToList();
        var failures = new List<Exception>();
        await CheckAll(sensors.Select(id => (Func<Task>)(() => GrainFactory.GetGrain<ISensorGrain>(id).RefreshHealth())), failures);
        await CheckAll(zones.Select(id => (Func<Task>)(() => GrainFactory.GetGrain<IZoneGrain>(id).EvaluateRules())), failures);
        await CheckAll(lots.Select(id => (Func<Task>)(() => GrainFactory.GetGrain<ILotDeskGrain>(id).Sweep())), failures);
        // These run their own timers every few seconds once active: waking them is enough.
        await CheckAll(
        [
            () => GrainFactory.GetGrain<IAlertBookGrain>(0).Unreadable(),
            () => GrainFactory.GetGrain<IWebhookDirectoryGrain>(0).Wake(),
            () => GrainFactory.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey).Version(),
        ], failures);

        _last = new SweepReport(startedAt, watch.Elapsed, sensors.Count, zones.Count, lots.Count, failures.Count);
        if (failures.Count > 0)
            logger.LogWarning(failures[0], "City sweep: {Failed} grain(s) did not answer in {Elapsed} ms; the next sweep asks them again", failures.Count, watch.ElapsedMilliseconds);
        else
            logger.LogDebug("City sweep: {Sensors} sensors, {Zones} zones, {Lots} lot desks checked in {Elapsed} ms", sensors.Count, zones.Count, lots.Count, watch.ElapsedMilliseconds);
    }

    /// <summary>Runs the checks at most <see cref="InFlight"/> at a time (in this grain's turns, so the list needs no lock).</summary>
    private static async Task CheckAll(IEnumerable<Func<Task>> checks, List<Exception> failures)
    {
        using var slots = new SemaphoreSlim(InFlight);
        await Task.WhenAll(checks.Select(async check =>
        {
            await slots.WaitAsync();
            try
            {
                await check().WaitAsync(CheckTimeout);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
