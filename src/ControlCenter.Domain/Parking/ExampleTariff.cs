namespace ControlCenter.Domain.Parking;

/// <summary>
/// The tariff shipped with the product: an EXAMPLE for operators to replace with the city's own (its figures
/// are illustrative, not an official Hanoi price list). Day 06:00–18:00, night 18:00–06:00.
/// </summary>
public static class ExampleTariff
{
    private static readonly TimeOnly Six = new(6, 0), Eighteen = new(18, 0);

    public static Tariff Build() => new("example", Example: true, new Dictionary<string, VehicleTariff>
    {
        [VehicleTypes.Motorbike] = new([new("day", Six, Eighteen, 5_000, 120, 3_000), new("night", Eighteen, Six, 10_000, 120, 5_000)], 50_000),
        [VehicleTypes.Car] = new([new("day", Six, Eighteen, 30_000, 60, 20_000), new("night", Eighteen, Six, 40_000, 60, 25_000)], 300_000),
        [VehicleTypes.Large] = new([new("day", Six, Eighteen, 50_000, 60, 35_000), new("night", Eighteen, Six, 60_000, 60, 40_000)], 500_000),
    });
}
