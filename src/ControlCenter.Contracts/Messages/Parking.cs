namespace ControlCenter.Contracts.Messages;

/// <summary>Why a hold or a session was refused, as the API names it (the HTTP status follows from it).</summary>
public static class ParkingRefusals
{
    public const string Full = "full";
    public const string Closed = "closed";
    public const string Flood = "flood";
    public const string NoData = "no-data";
    public const string PlateBusy = "plate-busy";
    public const string HoldUnknown = "hold-unknown";
    public const string HoldNotActive = "hold-not-active";
    public const string HoldMismatch = "hold-mismatch";
    public const string KeyReused = "idempotency-key-reused";
    public const string NotYours = "not-yours";
    public const string StillOpen = "still-open";
    public const string AmountMismatch = "amount-mismatch";
    public const string AlreadyPaid = "already-paid";
    public const string TooManyPayments = "too-many-payments";
    public const string Unknown = "unknown";
}

/// <summary>A driver's hold on one space, for a short time, while driving to the lot.</summary>
[GenerateSerializer, Immutable]
public sealed record ParkingHold(
    [property: Id(0)] string HoldId,
    [property: Id(1)] string AppId,
    [property: Id(2)] string LotId,
    [property: Id(3)] string Plate,
    [property: Id(4)] string VehicleType,
    [property: Id(5)] DateTimeOffset PlacedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] string Status,
    [property: Id(8)] string? SessionId)
{
    public const string Held = "held";
    public const string Used = "used";
    public const string Released = "released";
    public const string Expired = "expired";

    public bool Same(ParkingHold other) => AppId == other.AppId && LotId == other.LotId && Plate == other.Plate && VehicleType == other.VehicleType;
}

/// <summary>The answer to a hold request: the hold, or why not; <c>Replayed</c> when the request was seen before.</summary>
[GenerateSerializer, Immutable]
public sealed record HoldAnswer([property: Id(0)] ParkingHold? Hold, [property: Id(1)] string? Refusal, [property: Id(2)] bool Replayed = false);

/// <summary>What the app asks to start: the lot, the plate (canonical form), the vehicle type, and the hold it turns into a session, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionStart(
    [property: Id(0)] string AppId,
    [property: Id(1)] string LotId,
    [property: Id(2)] string Plate,
    [property: Id(3)] string VehicleType,
    [property: Id(4)] string? HoldId);

[GenerateSerializer, Immutable]
public sealed record ParkingFeeLine(
    [property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To, [property: Id(2)] string Band,
    [property: Id(3)] string Kind, [property: Id(4)] long AmountVnd);

[GenerateSerializer, Immutable]
public sealed record ParkingFeeDay([property: Id(0)] string Date, [property: Id(1)] long ChargedVnd, [property: Id(2)] long CappedVnd);

/// <summary>The fee of an ended session with its breakdown, and the tariff it was computed with.</summary>
[GenerateSerializer, Immutable]
public sealed record ParkingFee(
    [property: Id(0)] int Minutes,
    [property: Id(1)] long TotalVnd,
    [property: Id(2)] string TariffId,
    [property: Id(3)] bool ExampleTariff,
    [property: Id(4)] IReadOnlyList<ParkingFeeLine> Lines,
    [property: Id(5)] IReadOnlyList<ParkingFeeDay> Days);

/// <summary>A payment result the app reports (the payment itself is its provider's work).</summary>
[GenerateSerializer, Immutable]
public sealed record ParkingPayment(
    [property: Id(0)] string Provider,
    [property: Id(1)] string Reference,
    [property: Id(2)] long AmountVnd,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset ReportedAt)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> Statuses = [Succeeded, Failed];
}

/// <summary>
/// A parking session. <c>Plate</c> is personal data: it is null once the retention period after the end has
/// passed, and it never goes on the live feed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ParkingSession(
    [property: Id(0)] string Id,
    [property: Id(1)] string AppId,
    [property: Id(2)] string LotId,
    [property: Id(3)] string? Plate,
    [property: Id(4)] string VehicleType,
    [property: Id(5)] string? HoldId,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] DateTimeOffset? EndedAt,
    [property: Id(8)] ParkingFee? Fee,
    [property: Id(9)] IReadOnlyList<ParkingPayment> Payments)
{
    public const string Open = "open";
    public const string Unpaid = "unpaid";
    public const string Paid = "paid";

    public bool IsPaid => Payments.Any(p => p.Status == ParkingPayment.Succeeded) || Fee is { TotalVnd: 0 };

    public string Status => EndedAt is null ? Open : IsPaid ? Paid : Unpaid;
}

/// <summary>The answer to a session command: the session, or why not; <c>Replayed</c> when the request was seen before.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionAnswer([property: Id(0)] ParkingSession? Session, [property: Id(1)] string? Refusal, [property: Id(2)] bool Replayed = false);

/// <summary>A lot's bookings as its tile shows them: held spaces, sessions, and today's (Hanoi date) sessions and revenue.</summary>
[GenerateSerializer, Immutable]
public sealed record LotBookings(
    [property: Id(0)] int Held,
    [property: Id(1)] int Arriving,
    [property: Id(2)] int OpenSessions,
    [property: Id(3)] int SessionsToday,
    [property: Id(4)] long RevenueTodayVnd,
    [property: Id(5)] long PaidTodayVnd)
{
    public static readonly LotBookings None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A lot's spaces as its sensors count them now, and whether it is open to drivers.</summary>
[GenerateSerializer, Immutable]
public sealed record LotSensorSpaces(
    [property: Id(0)] int Capacity, [property: Id(1)] int Occupied, [property: Id(2)] int Unknown, [property: Id(3)] string? ClosedBecause);

/// <summary>An ended, unpaid session as operators see it in the list to follow up.</summary>
[GenerateSerializer, Immutable]
public sealed record UnpaidSession(
    [property: Id(0)] string SessionId, [property: Id(1)] string LotId, [property: Id(2)] DateTimeOffset EndedAt, [property: Id(3)] long FeeVnd);
