using System.Globalization;
using System.Net.Http.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>Parking lots as the tests set them up and read them: gate counts in, whole-number figures out.</summary>
public static class LotCounts
{
    /// <summary>A lot's whole-number figure (free, held, sessionsToday, revenueTodayVnd…).</summary>
    public static long Figure(this EntityState state, string name) => long.Parse(state.Derived[name]!.ToString()!, CultureInfo.InvariantCulture);

    /// <summary>Posts each gate-counted lot's occupied count (at <paramref name="at"/>) and waits until every lot shows it.</summary>
    public static async Task CountAtGates(this CityHost host, DateTimeOffset at, params (string LotId, int Occupied)[] lots)
    {
        var catalog = host.Services.GetRequiredService<CityCatalog>();
        var readings = lots.Select(l => Json.Reading(
            catalog.SensorsOf(l.LotId).Single(s => s.Kind == SensorKinds.ParkingGate).Id, at, new { occupiedCount = l.Occupied })).ToArray();
        using var gateway = host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        response.EnsureSuccessStatusCode();
        foreach (var (lotId, occupied) in lots)
            await Eventually.Until(() => host.Entity(lotId), s => s.Figure("occupied") == occupied, $"{lotId} to count {occupied} at its gate");
    }
}
