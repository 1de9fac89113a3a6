namespace ControlCenter.Domain.Parking;

/// <summary>One charge of a fee: a block or an hour, the band it was priced in, and its amount.</summary>
public sealed record FeeLine(DateTimeOffset From, DateTimeOffset To, string Band, string Kind, long AmountVnd);

/// <summary>One local calendar day of a session: what its lines add up to and what the cap let through.</summary>
public sealed record FeeDay(DateOnly Date, long ChargedVnd, long CappedVnd);

public sealed record Fee(int Minutes, long TotalVnd, IReadOnlyList<FeeLine> Lines, IReadOnlyList<FeeDay> Days);

/// <summary>
/// The parking fee, as a pure function of the session's start and end, the vehicle's tariff and the city's time
/// zone. The rules (docs/parking-api.md):
/// <list type="bullet">
/// <item>The duration is counted in whole minutes, rounded up (10:00:00 to 10:00:01 is one minute); zero minutes cost nothing.</item>
/// <item>The first block (the band at the start) costs its price, however short the stay.</item>
/// <item>After it, each started hour costs the per-hour price of the band in which that hour starts.</item>
/// <item>Each charge belongs to the local calendar day in which it starts; a day's charges are capped at the daily cap (the cap starts afresh at midnight).</item>
/// </list>
/// </summary>
public static class FeeCalculator
{
    public static Fee Compute(DateTimeOffset start, DateTimeOffset end, VehicleTariff tariff, TimeZoneInfo zone)
    {
        if (end < start) throw new ArgumentException("A session ends after it starts.", nameof(end));
        var minutes = (int)Math.Ceiling((end - start).TotalMinutes - 1e-9);
        if (minutes <= 0) return new Fee(0, 0, [], []);
        var billedEnd = start.AddMinutes(minutes);

        var lines = new List<FeeLine>();
        var firstBand = tariff.BandAt(Local(start, zone));
        var t = start.AddMinutes(firstBand.FirstBlockMinutes);
        lines.Add(new FeeLine(start, Min(t, billedEnd), firstBand.Name, "first-block", firstBand.FirstBlockVnd));
        while (t < billedEnd)
        {
            var band = tariff.BandAt(Local(t, zone));
            var next = t.AddHours(1);
            lines.Add(new FeeLine(t, Min(next, billedEnd), band.Name, "hour", band.PerHourVnd));
            t = next;
        }

        var days = lines.GroupBy(l => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.From, zone).DateTime))
            .Select(g => new FeeDay(g.Key, g.Sum(l => l.AmountVnd), Math.Min(g.Sum(l => l.AmountVnd), tariff.DailyCapVnd)))
            .ToList();
        return new Fee(minutes, days.Sum(d => d.CappedVnd), lines, days);
    }

    private static TimeOnly Local(DateTimeOffset at, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
