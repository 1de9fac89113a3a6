using ControlCenter.Contracts.Messages;
using Orleans.Concurrency;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// One per lot: the lot's desk for the drivers' app. It alone grants holds and admits sessions, one request at a
/// time, so two drivers can never take the last space; it keeps today's sessions and revenue and forgets
/// plates after the retention period.
/// </summary>
public interface ILotDeskGrain : IGrainWithStringKey
{
    Task<HoldAnswer> Hold(ParkingHold request);

    Task<ParkingHold?> GetHold(string holdId);

    Task<HoldAnswer> ReleaseHold(string holdId, string appId);

    /// <returns>null when admitted (or admitted before), else the refusal.</returns>
    Task<string?> Admit(string sessionId, SessionStart start);

    /// <summary>A session that was admitted but could not be written is taken back (its start failed).</summary>
    Task Withdraw(string sessionId);

    /// <summary>The session has erased its plate: the desk stops asking. One-way, like the asking.</summary>
    [OneWay]
    Task PlateForgotten(string sessionId);

    /// <summary>The session ended with this fee (idempotent).</summary>
    Task Leave(string sessionId, DateTimeOffset endedAt, long feeVnd);

    /// <summary>The session's fee was paid (idempotent).</summary>
    Task Paid(string sessionId, long amountVnd, DateTimeOffset at);

    Task<LotBookings> GetBookings();

    Task<IReadOnlyList<UnpaidSession>> Unpaid();

    /// <summary>
    /// Expires holds past their time, asks sessions past the retention period to erase their plate, and refreshes the
    /// lot's bookings: the desk's timer does this every few seconds, the city's sweeper every sweep (idempotent).
    /// </summary>
    Task Sweep();
}

/// <summary>One parking session, named from the app's idempotency key so that a retried start reaches the same one.</summary>
public interface IParkingSessionGrain : IGrainWithStringKey
{
    Task<SessionAnswer> Start(SessionStart start);

    Task<ParkingSession?> Get();

    Task<SessionAnswer> End(string appId);

    Task<SessionAnswer> RecordPayment(string appId, ParkingPayment payment);

    /// <summary>The retention period has passed: the plate is erased. One-way: the desk never waits on a session.</summary>
    [OneWay]
    Task ForgetPlate();
}

/// <summary>
/// One per plate (keyed by a hash of it, so plates are not storage keys): at most one open session and one
/// active hold per plate. Its state is deleted when neither remains.
/// </summary>
public interface IPlateGrain : IGrainWithStringKey
{
    /// <returns>null when claimed, else the session that already holds the plate.</returns>
    Task<string?> ClaimSession(string sessionId);

    Task ReleaseSession(string sessionId);

    /// <returns>null when claimed, else the active hold the plate already has.</returns>
    Task<string?> ClaimHold(string holdId, DateTimeOffset expiresAt);

    Task ReleaseHold(string holdId);
}
