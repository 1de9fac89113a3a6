namespace ControlCenter.Domain.Parking;

/// <summary>The vehicle types a tariff prices: <c>motorbike</c>, <c>car</c> (up to 9 seats), <c>large</c> (more).</summary>
public static class VehicleTypes
{
    public const string Motorbike = "motorbike";
    public const string Car = "car";
    public const string Large = "large";

    public static readonly IReadOnlyList<string> All = [Motorbike, Car, Large];

    public static bool IsValid(string? type) => type is not null && All.Contains(type);
}

/// <summary>
/// One time band of a day (local time), e.g. day 06:00–18:00 or night 18:00–06:00 (a band may wrap past
/// midnight): what the first block costs if a session starts in it, and each further started hour.
/// </summary>
public sealed record TariffBand(string Name, TimeOnly Start, TimeOnly End, long FirstBlockVnd, int FirstBlockMinutes, long PerHourVnd)
{
    public bool Covers(TimeOnly time) => Start <= End ? time >= Start && time < End : time >= Start || time < End;
}

/// <summary>A vehicle type's bands (covering the whole day) and its cap per calendar day.</summary>
public sealed record VehicleTariff(IReadOnlyList<TariffBand> Bands, long DailyCapVnd)
{
    public TariffBand BandAt(TimeOnly time) =>
        Bands.FirstOrDefault(b => b.Covers(time)) ?? throw new InvalidOperationException($"No tariff band covers {time}.");
}

/// <summary>
/// A lot's tariff per vehicle type. <see cref="Example"/> marks the shipped figures as an example for operators to
/// replace with the city's own.
/// </summary>
public sealed record Tariff(string Id, bool Example, IReadOnlyDictionary<string, VehicleTariff> Vehicles)
{
    /// <returns>null when the tariff is usable, else why not.</returns>
    public string? Problem()
    {
        foreach (var type in VehicleTypes.All)
        {
            if (!Vehicles.TryGetValue(type, out var v)) return $"tariff '{Id}' has no '{type}' prices";
            if (v.DailyCapVnd <= 0 || v.Bands.Count == 0) return $"tariff '{Id}' {type}: a daily cap and at least one band are needed";
            if (v.Bands.Any(b => b.FirstBlockVnd < 0 || b.PerHourVnd < 0 || b.FirstBlockMinutes < 1 || b.Start == b.End))
                return $"tariff '{Id}' {type}: prices must be 0 or more, first blocks at least a minute, bands not empty";
            for (var minute = 0; minute < 24 * 60; minute++)
            {
                var time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
                var covering = v.Bands.Count(b => b.Covers(time));
                if (covering != 1) return $"tariff '{Id}' {type}: {time:HH\\:mm} is covered by {covering} bands (exactly one needed)";
            }
        }

        return null;
    }
}
