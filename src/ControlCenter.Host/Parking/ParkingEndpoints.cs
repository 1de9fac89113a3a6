using System.Globalization;
using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Parking;

/// <summary>
/// Parking for the drivers' app and the operators: search for lots with free spaces near a point, and close or
/// reopen a lot. Lots closed by an operator or by the flood rule, full lots and lots whose sensors are silent are
/// never offered as free.
/// </summary>
public static class ParkingEndpoints
{
    public const double MaxRadiusM = 5000;

    public sealed record CloseRequest(string? Reason);

    public static RouteGroupBuilder MapParking(this RouteGroupBuilder api)
    {
        var parking = api.MapGroup("/parking").WithTags("Parking");
        parking.MapGet("/search", Search).WithName("SearchParking").RequireAuthorization(ParkingConfiguration.SearchPolicy)
            .WithSummary("Lots with free spaces near a point, nearest first, with the price now")
            .WithDescription($"lat and lon in degrees (WGS84); radiusM up to {MaxRadiusM:0} (default 500), a straight-line distance. "
                + "A closed or full lot, or one whose sensors are silent, is left out, or with includeUnavailable=true shown with offered: false, free: 0 and notOfferedBecause.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        parking.MapPost("/lots/{id}/close", Close).WithName("CloseLot").RequireAuthorization(Roles.Operator)
            .WithSummary("Close a lot: search stops offering it and new holds and sessions are refused")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        parking.MapPost("/lots/{id}/reopen", Reopen).WithName("ReopenLot").RequireAuthorization(Roles.Operator)
            .WithSummary("Reopen a lot an operator closed").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ParkingSearchView>, ProblemHttpResult>> Search(
        string? lat, string? lon, string? radiusM, string? vehicleType, bool? includeUnavailable, CityCatalog catalog, IGrainFactory grains, CityClock clock, TariffBook tariffs)
    {
        if (!Number(lat, out var la) || la is < -90 or > 90 || !Number(lon, out var lo) || lo is < -180 or > 180)
            return Problems.Invalid("lat and lon are required, in degrees (WGS84).");
        var radius = 500.0;
        if (radiusM is not null && (!Number(radiusM, out radius) || radius is <= 0 or > MaxRadiusM))
            return Problems.Invalid($"radiusM is more than 0 and at most {MaxRadiusM:0} (default 500).");
        var vehicle = vehicleType ?? VehicleTypes.Car;
        if (!VehicleTypes.IsValid(vehicle)) return Problems.Invalid($"vehicleType is one of {string.Join(", ", VehicleTypes.All)}.");

        var near = catalog.ParkingLots.Select(l => (Lot: l, Distance: Geo.DistanceM(la, lo, l.Lat, l.Lon))).Where(x => x.Distance <= radius).ToList();
        var states = await Task.WhenAll(near.Select(x => grains.GetGrain<IParkingLotGrain>(x.Lot.Id).GetState()));
        var now = clock.Now;
        var cityTime = TimeOnly.FromDateTime(CityTime.Local(now).DateTime);
        var lots = near.Zip(states).Select(p =>
        {
            var (lot, distance) = p.First;
            var state = p.Second;
            var tariff = tariffs.For(lot.Id);
            var band = tariff.Vehicles[vehicle].BandAt(cityTime);
            var free = Convert.ToInt32(state.Derived.GetValueOrDefault("free") ?? 0, CultureInfo.InvariantCulture);
            var available = state.Derived.GetValueOrDefault("available") is not false;
            var silent = state.Status is "stale" or "offline" || state.Ts is null;
            var offered = available && !silent && free > 0;
            var why = !available ? state.Derived.GetValueOrDefault("unavailableReason")?.ToString() : silent ? "no-data" : free <= 0 ? "full" : null;
            return new ParkingLotView(
                lot.Id, lot.Name, lot.NameEn, lot.Street, lot.Lat, lot.Lon, Math.Round(distance), offered ? free : 0, lot.Capacity, state.Status,
                Convert.ToInt32(state.Derived.GetValueOrDefault("held") ?? 0, CultureInfo.InvariantCulture), offered, why,
                new ParkingPriceView(band.Name, band.FirstBlockVnd, band.FirstBlockMinutes, band.PerHourVnd, tariff.Vehicles[vehicle].DailyCapVnd, tariff.Id, tariff.Example));
        })
        .Where(l => l.Offered || includeUnavailable == true)
        .OrderBy(l => l.DistanceM).ThenBy(l => l.LotId, StringComparer.Ordinal)
        .ToList();
        return TypedResults.Ok(new ParkingSearchView(now, radius, vehicle, "straight line", lots));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Close(
        string id, CloseRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains, AuditLog audit)
    {
        if (catalog.FindLot(id) is null) return UnknownLot(id);
        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > 500) return Problems.Invalid("reason is required, up to 500 characters.");
        await grains.GetGrain<IParkingLotGrain>(id).SetClosed(request.Reason.Trim());
        await Actor.Audit(audit, http, user, "lot-closed", id, request.Reason.Trim());
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reopen(
        string id, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains, AuditLog audit)
    {
        if (catalog.FindLot(id) is null) return UnknownLot(id);
        await grains.GetGrain<IParkingLotGrain>(id).SetClosed(null);
        await Actor.Audit(audit, http, user, "lot-reopened", id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownLot(string id) => Problems.NotFound($"No lot '{(id.Length <= 64 ? id : id[..64] + "…")}'.", "Unknown lot");

    private static bool Number(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
