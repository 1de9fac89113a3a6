using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Domain;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// The lot's desk for the drivers' app. Orleans runs one request at a time here, so the check "is a space free?"
/// and taking it are one step: racing drivers get exactly as many holds and sessions as there are spaces.
/// Every change is written before it is answered, then recorded for incident review (<see cref="ILotDeskHistory"/>)
/// and told to the lot (its tile and its free spaces).
/// </summary>
public sealed class LotDeskGrain(
    [PersistentState(StorageNames.LotDeskState, StorageNames.GrainStore)] IPersistentState<LotDeskState> store,
    CityClock clock,
    IOptions<ParkingOptions> options,
    ILotDeskHistory history,
    ILogger<LotDeskGrain> logger) : Grain, ILotDeskGrain
{
    private static readonly TimeSpan KeepFinishedHolds = TimeSpan.FromDays(1);

    /// <summary>The figures last recorded by this activation: a row is appended only when they change.</summary>
    private LotDeskFigures? _recorded;

    private LotDeskState State => store.State;

    private ParkingOptions Options => options.Value;

    private IParkingLotGrain Lot => GrainFactory.GetGrain<IParkingLotGrain>(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // KeepAlive: holds must expire and plates be forgotten even when no app calls.
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(TimeSpan.Zero, Options.SweepPeriod) { KeepAlive = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<HoldAnswer> Hold(ParkingHold request)
    {
        var now = clock.Now;
        await Expire(now);
        if (State.Holds.TryGetValue(request.HoldId, out var known))
            return known.Same(request) ? new HoldAnswer(known, null, Replayed: true) : new HoldAnswer(null, ParkingRefusals.KeyReused);

        var spaces = await Lot.GetSensorSpaces();
        if (spaces.ClosedBecause is { } closed) return new HoldAnswer(null, closed);
        var counted = Count(spaces, now);
        if (!counted.CanHold) return new HoldAnswer(null, counted.Blind ? ParkingRefusals.NoData : ParkingRefusals.Full);

        var hold = request with { PlacedAt = now, ExpiresAt = now + Options.HoldDuration, Status = ParkingHold.Held, SessionId = null };
        var plate = GrainFactory.GetGrain<IPlateGrain>(PlateKey.Of(request.Plate));
        if (await plate.ClaimHold(hold.HoldId, hold.ExpiresAt) is not null) return new HoldAnswer(null, ParkingRefusals.PlateBusy);
        State.Holds[hold.HoldId] = hold;
        await Save(now);
        return new HoldAnswer(hold, null);
    }

    public async Task<ParkingHold?> GetHold(string holdId)
    {
        await Expire(clock.Now);
        return State.Holds.GetValueOrDefault(holdId);
    }

    public async Task<HoldAnswer> ReleaseHold(string holdId, string appId)
    {
        var now = clock.Now;
        await Expire(now);
        if (!State.Holds.TryGetValue(holdId, out var hold)) return new HoldAnswer(null, ParkingRefusals.HoldUnknown);
        if (hold.AppId != appId) return new HoldAnswer(null, ParkingRefusals.NotYours);
        if (hold.Status != ParkingHold.Held) return new HoldAnswer(hold, null, Replayed: true);
        State.Holds[holdId] = hold with { Status = ParkingHold.Released };
        await Save(now);
        await ReleasePlate(hold);
        return new HoldAnswer(State.Holds[holdId], null);
    }

    public async Task<string?> Admit(string sessionId, SessionStart start)
    {
        var now = clock.Now;
        await Expire(now);
        if (State.Sessions.ContainsKey(sessionId)) return null;

        var spaces = await Lot.GetSensorSpaces();
        if (spaces.ClosedBecause is { } closed) return closed;
        ParkingHold? used = null;
        if (start.HoldId is { } holdId)
        {
            if (!State.Holds.TryGetValue(holdId, out var hold)) return ParkingRefusals.HoldUnknown;
            if (hold.Status != ParkingHold.Held) return ParkingRefusals.HoldNotActive;
            if (hold.AppId != start.AppId || hold.Plate != start.Plate || hold.VehicleType != start.VehicleType) return ParkingRefusals.HoldMismatch;
            // The held space becomes the session's: no new space is needed.
            used = hold;
        }
        else
        {
            var counted = Count(spaces, now);
            if (!counted.CanStartSession) return counted.Blind ? ParkingRefusals.NoData : ParkingRefusals.Full;
        }

        if (used is not null) State.Holds[used.HoldId] = used with { Status = ParkingHold.Used, SessionId = sessionId };
        State.Sessions[sessionId] = new DeskSession(sessionId, now);
        RollDay(now);
        State.SessionsToday++;
        await Save(now);
        if (used is not null) await ReleasePlate(used);
        return null;
    }

    public async Task Withdraw(string sessionId)
    {
        if (!State.Sessions.TryGetValue(sessionId, out var session) || session.EndedAt is not null) return;
        State.Sessions.Remove(sessionId);
        if (CityTime.Date(session.StartedAt) == State.Day && State.SessionsToday > 0) State.SessionsToday--;
        // A hold it came from is held again (until its own expiry).
        if (State.Holds.Values.FirstOrDefault(h => h.SessionId == sessionId) is { } hold)
            State.Holds[hold.HoldId] = hold with { Status = ParkingHold.Held, SessionId = null };
        await Save(clock.Now);
    }

    public async Task PlateForgotten(string sessionId)
    {
        if (!State.Sessions.TryGetValue(sessionId, out var session) || session.PlateForgotten) return;
        if (session.Paid) State.Sessions.Remove(sessionId);
        else State.Sessions[sessionId] = session with { PlateForgotten = true };
        await Save(clock.Now);
    }

    public async Task Leave(string sessionId, DateTimeOffset endedAt, long feeVnd)
    {
        if (!State.Sessions.TryGetValue(sessionId, out var session) || session.EndedAt is not null) return;
        State.Sessions[sessionId] = session with { EndedAt = endedAt, FeeVnd = feeVnd, Paid = feeVnd == 0 };
        RollDay(clock.Now);
        if (CityTime.Date(endedAt) == State.Day) State.RevenueTodayVnd += feeVnd;
        await Save(clock.Now);
    }

    public async Task Paid(string sessionId, long amountVnd, DateTimeOffset at)
    {
        if (!State.Sessions.TryGetValue(sessionId, out var session) || session.Paid) return;
        if (session.PlateForgotten) State.Sessions.Remove(sessionId);
        else State.Sessions[sessionId] = session with { Paid = true };
        RollDay(clock.Now);
        if (CityTime.Date(at) == State.Day) State.PaidTodayVnd += amountVnd;
        await Save(clock.Now);
    }

    public Task<LotBookings> GetBookings() => Task.FromResult(Bookings(clock.Now));

    public Task<IReadOnlyList<UnpaidSession>> Unpaid() => Task.FromResult<IReadOnlyList<UnpaidSession>>(
    [
        .. State.Sessions.Values.Where(s => s is { EndedAt: not null, Paid: false }).OrderBy(s => s.EndedAt)
            .Select(s => new UnpaidSession(s.Id, this.GetPrimaryKeyString(), s.EndedAt!.Value, s.FeeVnd)),
    ]);

    private LotSpaces Count(LotSensorSpaces spaces, DateTimeOffset now)
    {
        var bookings = Bookings(now);
        return new LotSpaces(spaces.Capacity, spaces.Occupied, spaces.Unknown, bookings.Held, bookings.Arriving, bookings.OpenSessions);
    }

    private LotBookings Bookings(DateTimeOffset now)
    {
        var today = CityTime.Date(now) == State.Day;
        var open = State.Sessions.Values.Where(s => s.EndedAt is null).ToList();
        return new LotBookings(
            Held: State.Holds.Values.Count(h => h.Status == ParkingHold.Held && h.ExpiresAt > now),
            Arriving: open.Count(s => now - s.StartedAt < Options.ArrivalGrace),
            OpenSessions: open.Count,
            SessionsToday: today ? State.SessionsToday : 0,
            RevenueTodayVnd: today ? State.RevenueTodayVnd : 0,
            PaidTodayVnd: today ? State.PaidTodayVnd : 0);
    }

    private void RollDay(DateTimeOffset now)
    {
        var today = CityTime.Date(now);
        if (State.Day == today) return;
        State.Day = today;
        State.SessionsToday = 0;
        State.RevenueTodayVnd = 0;
        State.PaidTodayVnd = 0;
    }

    /// <summary>Holds past their time expire (checked on every request too, so a late timer never keeps a space taken).</summary>
    private async Task Expire(DateTimeOffset now)
    {
        var expired = State.Holds.Values.Where(h => h.Status == ParkingHold.Held && h.ExpiresAt <= now).ToList();
        if (expired.Count == 0) return;
        foreach (var hold in expired) State.Holds[hold.HoldId] = hold with { Status = ParkingHold.Expired };
        await Save(now);
        foreach (var hold in expired) await ReleasePlate(hold);
    }

    /// <summary>
    /// Best effort, after the desk's own state is written: a plate's hold also lapses by its own expiry time, so
    /// a lost release costs nothing but a tidy row.
    /// </summary>
    private async Task ReleasePlate(ParkingHold hold)
    {
        try
        {
            await GrainFactory.GetGrain<IPlateGrain>(PlateKey.Of(hold.Plate)).ReleaseHold(hold.HoldId);
        }
        catch (Exception)
        {
            // See above: nothing is taken by a hold past its time.
        }
    }

    public async Task Sweep()
    {
        var now = clock.Now;
        await Expire(now);
        var changed = false;
        // A finished hold is kept a day for the app to read, never longer than a plate may be kept.
        var keep = Options.PlateRetention < KeepFinishedHolds ? Options.PlateRetention : KeepFinishedHolds;
        foreach (var hold in State.Holds.Values.Where(h => h.Status != ParkingHold.Held && now - h.ExpiresAt > keep).ToList())
            changed |= State.Holds.Remove(hold.HoldId);

        // Past the retention period the session's plate is erased; a paid one then has nothing left to follow up here.
        // Asked on every sweep until the session answers (PlateForgotten), so a lost message only delays it.
        foreach (var session in State.Sessions.Values.Where(s => s is { EndedAt: { } ended, PlateForgotten: false } && now - ended >= Options.PlateRetention))
            await GrainFactory.GetGrain<IParkingSessionGrain>(session.Id).ForgetPlate();

        if (changed) await Save(now);
        // Nothing stored changed, but the figures may have: a hold past its time, or a new city day.
        else await Publish(now);
    }

    private async Task Save(DateTimeOffset now)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Not written means not granted: reload from the database on the next request.
            DeactivateOnIdle();
            throw;
        }

        await Publish(now);
    }

    /// <summary>Records the figures if they changed, then tells the lot.</summary>
    private async Task Publish(DateTimeOffset now)
    {
        var bookings = Bookings(now);
        await Record(now, bookings);
        await Lot.SetBookings(bookings);
    }

    /// <summary>
    /// Appends the figures to the history when they differ from the last appended (the first time in an activation,
    /// always). Never fails the request: the desk's own state, already written, is the authority, and the history is
    /// only what review shows of the past. A failed row is logged and counted (the store's failure counter), and
    /// tried again at the next change or sweep (the figures still differ from the last recorded).
    /// </summary>
    private async Task Record(DateTimeOffset now, LotBookings bookings)
    {
        var figures = new LotDeskFigures(bookings.Held, bookings.OpenSessions, bookings.SessionsToday, bookings.RevenueTodayVnd, bookings.PaidTodayVnd);
        if (figures == _recorded) return;
        try
        {
            await history.Append(this.GetPrimaryKeyString(), now, figures, CancellationToken.None);
            _recorded = figures;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Lot desk {Lot}: its figures at {At} were not recorded for incident review", this.GetPrimaryKeyString(), now);
        }
    }
}
