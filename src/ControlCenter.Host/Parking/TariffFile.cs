using System.Text.Json;
using System.Text.Json.Serialization;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Parking;

namespace ControlCenter.Host.Parking;

/// <summary>
/// The operators' tariffs (<c>Parking:TariffFile</c>): named tariffs, the default one and which lots use another.
/// Read once at start-up; a mistake stops the start with the reason, so a lot never charges a half-read price.
/// See docs/parking-api.md for the format.
/// </summary>
public static class TariffFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // A missing price is a mistake, never a free hour.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public sealed record BandEntry(string Name, TimeOnly Start, TimeOnly End, long FirstBlockVnd, int FirstBlockMinutes, long PerHourVnd);

    public sealed record VehicleEntry(long DailyCapVnd, List<BandEntry> Bands);

    public sealed record TariffEntry(string Id, bool Example, Dictionary<string, VehicleEntry> Vehicles);

    public sealed record Document(List<TariffEntry> Tariffs, string Default, Dictionary<string, string>? Lots = null);

    public static TariffBook Load(string path, CityCatalog catalog)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"Tariff file '{path}' not found (Parking:TariffFile).");
        try
        {
            return Parse(File.ReadAllText(path), catalog);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"Tariff file '{path}': {ex.Message}", ex);
        }
    }

    public static TariffBook Parse(string json, CityCatalog catalog)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new ArgumentException("the file is empty");
        if (document.Tariffs is not { Count: > 0 }) throw new ArgumentException("at least one tariff is needed");
        var tariffs = new Dictionary<string, Tariff>(StringComparer.Ordinal);
        foreach (var entry in document.Tariffs)
        {
            if (entry.Vehicles is null || entry.Vehicles.Values.Any(v => v?.Bands is null || v.Bands.Any(b => b is null)))
                throw new ArgumentException($"tariff '{entry.Id}': every vehicle needs its bands");
            if (string.IsNullOrWhiteSpace(entry.Id) || !tariffs.TryAdd(entry.Id, ToTariff(entry)))
                throw new ArgumentException($"tariff ids must be given and unique ('{entry.Id}')");
            if (entry.Vehicles.Keys.FirstOrDefault(k => !VehicleTypes.IsValid(k)) is { } odd)
                throw new ArgumentException($"tariff '{entry.Id}': vehicle type '{odd}' is not one of {string.Join(", ", VehicleTypes.All)}");
            if (tariffs[entry.Id].Problem() is { } problem) throw new ArgumentException(problem);
        }

        if (!tariffs.TryGetValue(document.Default ?? "", out var fallback)) throw new ArgumentException($"the default tariff '{document.Default}' is not defined");
        var byLot = new Dictionary<string, Tariff>(StringComparer.Ordinal);
        foreach (var (lotId, tariffId) in document.Lots ?? [])
        {
            if (catalog.FindLot(lotId) is null) throw new ArgumentException($"lot '{lotId}' is not in the catalogue");
            byLot[lotId] = tariffs.GetValueOrDefault(tariffId) ?? throw new ArgumentException($"lot '{lotId}' names tariff '{tariffId}', which is not defined");
        }

        return new TariffBook(fallback, byLot);
    }

    private static Tariff ToTariff(TariffEntry entry) => new(entry.Id, entry.Example, entry.Vehicles.ToDictionary(
        v => v.Key,
        v => new VehicleTariff(
            [.. (v.Value.Bands ?? []).Select(b => new TariffBand(b.Name, b.Start, b.End, b.FirstBlockVnd, b.FirstBlockMinutes, b.PerHourVnd))],
            v.Value.DailyCapVnd)));
}
