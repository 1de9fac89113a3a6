using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// One parking session, from start to paid. Its id comes from the app's idempotency key, so a retried request
/// reaches this same grain and gets the same answer; one request at a time, so two retries racing cannot both
/// start or both end it. The plate grain keeps one open session per plate, the lot desk keeps the spaces.
/// </summary>
public sealed class ParkingSessionGrain(
    [PersistentState(StorageNames.ParkingSessionState, StorageNames.GrainStore)] IPersistentState<ParkingSessionState> store,
    TariffBook tariffs,
    CityClock clock,
    IOptions<ParkingOptions> options) : Grain, IParkingSessionGrain
{
    public const int MostPayments = 20;

    private ParkingSession? Current => store.State.Session;

    private string Id => this.GetPrimaryKeyString();

    public async Task<SessionAnswer> Start(SessionStart start)
    {
        if (Current is { } known)
        {
            var same = known.AppId == start.AppId && known.LotId == start.LotId && known.Plate == start.Plate
                && known.VehicleType == start.VehicleType && known.HoldId == start.HoldId;
            return same ? new SessionAnswer(known, null, Replayed: true) : new SessionAnswer(null, ParkingRefusals.KeyReused);
        }

        var plate = GrainFactory.GetGrain<IPlateGrain>(PlateKey.Of(start.Plate));
        if (await plate.ClaimSession(Id) is not null) return new SessionAnswer(null, ParkingRefusals.PlateBusy);
        var desk = GrainFactory.GetGrain<ILotDeskGrain>(start.LotId);
        try
        {
            var refusal = await desk.Admit(Id, start);
            if (refusal is not null)
            {
                await plate.ReleaseSession(Id);
                return new SessionAnswer(null, refusal);
            }

            var session = new ParkingSession(Id, start.AppId, start.LotId, start.Plate, start.VehicleType, start.HoldId, clock.Now, null, null, []);
            await Save(session);
            return new SessionAnswer(session, null);
        }
        catch
        {
            // Not written means not started: give the plate and the space back (best effort), so a new attempt
            // with a new key is not refused as plate-busy or counted twice. A retry with the same key redoes it all.
            await Compensate(() => desk.Withdraw(Id));
            await Compensate(() => plate.ReleaseSession(Id));
            throw;
        }
    }

    public async Task<ParkingSession?> Get()
    {
        if (Current is { EndedAt: { } ended, Plate: not null } && clock.Now - ended >= options.Value.PlateRetention) await ForgetPlate();
        return Current;
    }

    public async Task<SessionAnswer> End(string appId)
    {
        if (Current is not { } session) return new SessionAnswer(null, ParkingRefusals.Unknown);
        if (session.AppId != appId) return new SessionAnswer(null, ParkingRefusals.NotYours);
        var replayed = session.EndedAt is not null;
        if (!replayed)
        {
            var now = clock.Now;
            session = session with { EndedAt = now, Fee = Fee(session, now) };
            await Save(session);
        }

        // Told again on a retry too: if a previous attempt stopped half way, the desk and the plate catch up.
        await GrainFactory.GetGrain<ILotDeskGrain>(session.LotId).Leave(Id, session.EndedAt!.Value, session.Fee!.TotalVnd);
        if (session.Plate is not null) await GrainFactory.GetGrain<IPlateGrain>(PlateKey.Of(session.Plate)).ReleaseSession(Id);
        return new SessionAnswer(session, null, replayed);
    }

    public async Task<SessionAnswer> RecordPayment(string appId, ParkingPayment payment)
    {
        if (Current is not { } session) return new SessionAnswer(null, ParkingRefusals.Unknown);
        if (session.AppId != appId) return new SessionAnswer(null, ParkingRefusals.NotYours);
        if (session.Fee is not { } fee) return new SessionAnswer(session, ParkingRefusals.StillOpen);

        var earlier = session.Payments.FirstOrDefault(p => p.Provider == payment.Provider && p.Reference == payment.Reference);
        if (earlier is not null)
        {
            if (earlier.AmountVnd != payment.AmountVnd || earlier.Status != payment.Status) return new SessionAnswer(session, ParkingRefusals.KeyReused);
            // Told again on a retry: if the first attempt stopped after writing, the desk catches up.
            if (earlier.Status == ParkingPayment.Succeeded) await GrainFactory.GetGrain<ILotDeskGrain>(session.LotId).Paid(Id, earlier.AmountVnd, earlier.ReportedAt);
            return new SessionAnswer(session, null, Replayed: true);
        }

        if (session.IsPaid) return new SessionAnswer(session, ParkingRefusals.AlreadyPaid);
        if (payment.AmountVnd != fee.TotalVnd) return new SessionAnswer(session, ParkingRefusals.AmountMismatch);
        if (session.Payments.Count >= MostPayments) return new SessionAnswer(session, ParkingRefusals.TooManyPayments);

        session = session with { Payments = [.. session.Payments, payment] };
        await Save(session);
        if (payment.Status == ParkingPayment.Succeeded)
            await GrainFactory.GetGrain<ILotDeskGrain>(session.LotId).Paid(Id, payment.AmountVnd, payment.ReportedAt);
        return new SessionAnswer(session, null);
    }

    public async Task ForgetPlate()
    {
        if (Current is not { EndedAt: not null } session) return;
        if (session.Plate is not null) await Save(session with { Plate = null });
        // The desk keeps asking until it hears this (one-way both ways: neither ever waits on the other).
        await GrainFactory.GetGrain<ILotDeskGrain>(session.LotId).PlateForgotten(Id);
    }

    private static async Task Compensate(Func<Task> undo)
    {
        try
        {
            await undo();
        }
        catch (Exception)
        {
            // The original failure is what the caller hears about.
        }
    }

    private ParkingFee Fee(ParkingSession session, DateTimeOffset end)
    {
        var tariff = tariffs.For(session.LotId);
        var fee = FeeCalculator.Compute(session.StartedAt, end, tariff.Vehicles[session.VehicleType], CityTime.Zone);
        return new ParkingFee(
            fee.Minutes, fee.TotalVnd, tariff.Id, tariff.Example,
            [.. fee.Lines.Select(l => new ParkingFeeLine(l.From, l.To, l.Band, l.Kind, l.AmountVnd))],
            [.. fee.Days.Select(d => new ParkingFeeDay(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.ChargedVnd, d.CappedVnd))]);
    }

    private Task Save(ParkingSession session) => store.WriteOrRevert(store.State with { Session = session }, this);
}
