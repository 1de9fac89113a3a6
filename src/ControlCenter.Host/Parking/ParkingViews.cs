using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Parking;

/// <summary><c>GET /api/v1/parking/search</c>: the lots within the radius, nearest first.</summary>
public sealed record ParkingSearchView(DateTimeOffset At, double RadiusM, string VehicleType, string Distance, IReadOnlyList<ParkingLotView> Lots);

/// <summary>A lot as search shows it: free spaces only when it is offered, and why not when it is not.</summary>
public sealed record ParkingLotView(
    string LotId, string Name, string NameEn, string Street, double Lat, double Lon, double DistanceM, int Free, int Capacity, string Status,
    int Held, bool Offered, string? NotOfferedBecause, ParkingPriceView PriceNow);

/// <summary>The tariff band in force now, for the vehicle type asked about.</summary>
public sealed record ParkingPriceView(string Band, long FirstBlockVnd, int FirstBlockMinutes, long PerHourVnd, long DailyCapVnd, string TariffId, bool ExampleTariff);

/// <summary>A parking session as the app and the operators see it (the app id is not shown).</summary>
public sealed record ParkingSessionView(
    string SessionId, string LotId, string? Plate, string VehicleType, string? HoldId, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    ParkingFeeView? Fee, IEnumerable<ParkingPaymentView> Payments)
{
    public static ParkingSessionView Of(ParkingSession s) => new(
        s.Id, s.LotId, s.Plate, s.VehicleType, s.HoldId, s.Status, s.StartedAt, s.EndedAt,
        s.Fee is { } fee ? ParkingFeeView.Of(fee) : null,
        s.Payments.Select(p => new ParkingPaymentView(p.Provider, p.Reference, p.AmountVnd, p.Status, p.ReportedAt)));
}

/// <summary>An ended session's fee: the lines it adds up and each day with what the daily cap let through.</summary>
public sealed record ParkingFeeView(int Minutes, long TotalVnd, string TariffId, bool ExampleTariff, IEnumerable<ParkingFeeLineView> Lines, IEnumerable<ParkingFeeDayView> Days)
{
    public static ParkingFeeView Of(ParkingFee fee) => new(
        fee.Minutes, fee.TotalVnd, fee.TariffId, fee.ExampleTariff,
        fee.Lines.Select(l => new ParkingFeeLineView(l.From, l.To, l.Band, l.Kind, l.AmountVnd)),
        fee.Days.Select(d => new ParkingFeeDayView(d.Date, d.ChargedVnd, d.CappedVnd)));
}

public sealed record ParkingFeeLineView(DateTimeOffset From, DateTimeOffset To, string Band, string Kind, long AmountVnd);

public sealed record ParkingFeeDayView(string Date, long ChargedVnd, long CappedVnd);

/// <summary>A payment result as the app reported it.</summary>
public sealed record ParkingPaymentView(string Provider, string Reference, long Amount, string Status, DateTimeOffset ReportedAt);

/// <summary><c>GET /api/v1/parking/sessions?status=unpaid</c>: ended sessions not yet paid, oldest first.</summary>
public sealed record UnpaidSessionsView(int Count, long TotalVnd, IEnumerable<ParkingSessionView> Sessions);

/// <summary>What a payment refusal carries as <c>current</c>: the fee the session asks for.</summary>
public sealed record FeeDue(long FeeVnd);
