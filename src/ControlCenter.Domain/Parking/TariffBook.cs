namespace ControlCenter.Domain.Parking;

/// <summary>The tariff of each lot: its own where one is set, else the default.</summary>
public sealed class TariffBook(Tariff fallback, IReadOnlyDictionary<string, Tariff>? byLot = null)
{
    public static TariffBook Example { get; } = new(ExampleTariff.Build());

    public Tariff Default => fallback;

    public Tariff For(string lotId) => byLot?.GetValueOrDefault(lotId) ?? fallback;
}
