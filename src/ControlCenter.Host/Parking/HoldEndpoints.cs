using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Parking;

/// <summary>
/// The drivers' app holds one space while the driver is on the way: <c>POST /api/v1/parking/holds</c>, read and
/// release it by id. A hold counts as taken for search and expires by itself (<c>Parking:HoldDuration</c>).
/// </summary>
public static class HoldEndpoints
{
    public sealed record HoldRequest(string? LotId, string? Plate, string? VehicleType);

    /// <summary>What the app sees of a hold.</summary>
    public sealed record HoldView(
        string HoldId, string LotId, string Plate, string VehicleType, string Status, DateTimeOffset PlacedAt, DateTimeOffset ExpiresAt, string? SessionId);

    public static RouteGroupBuilder MapParkingHolds(this RouteGroupBuilder api)
    {
        var holds = api.MapGroup("/parking/holds").WithTags("Parking").RequireAuthorization(ParkingConfiguration.AppPolicy);
        holds.MapPost("", Place).WithName("HoldParkingSpace")
            .WithSummary("Hold one space in a lot while the driver is on the way")
            .WithDescription($"Send an {ParkingAnswers.IdempotencyHeader} header: a retry with the same key returns the same hold (200, {ParkingAnswers.ReplayedHeader}: true).")
            .Produces<HoldView>(StatusCodes.Status201Created).Produces<HoldView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        holds.MapGet("/{id}", Get).WithName("GetParkingHold").WithSummary("Read one of this app's holds")
            .ProducesProblem(StatusCodes.Status404NotFound);
        holds.MapDelete("/{id}", Release).WithName("ReleaseParkingHold").WithSummary("Release a hold before it expires")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<JsonHttpResult<HoldView>, ProblemHttpResult>> Place(
        HoldRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        if (ParkingAnswers.IdempotencyKey(http, out var missing) is not { } key) return missing!;
        if (ParkingAnswers.Driver(request?.LotId, request?.Plate, request?.VehicleType, catalog, out var invalid) is not { } driver) return invalid!;
        var (lot, plate, vehicle) = driver;

        var appId = ParkingAppAuthentication.AppId(user)!;
        var id = $"h.{lot.Id}.{ParkingAnswers.IdFrom(appId, "hold", key)}";
        var asked = new ParkingHold(id, appId, lot.Id, plate, vehicle, default, default, ParkingHold.Held, null);
        var answer = await grains.GetGrain<ILotDeskGrain>(lot.Id).Hold(asked);
        return answer.Hold is { } hold && answer.Refusal is null
            ? ParkingAnswers.Replayable(http, answer.Replayed, StatusCodes.Status201Created, View(hold))
            : ParkingAnswers.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<HoldView>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        var hold = LotOf(id, catalog) is { } lotId ? await grains.GetGrain<ILotDeskGrain>(lotId).GetHold(id) : null;
        return hold is not null && hold.AppId == ParkingAppAuthentication.AppId(user)
            ? TypedResults.Ok(View(hold)) : ParkingAnswers.Refused(ParkingRefusals.HoldUnknown);
    }

    private static async Task<Results<Ok<HoldView>, ProblemHttpResult>> Release(string id, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        if (LotOf(id, catalog) is not { } lotId) return ParkingAnswers.Refused(ParkingRefusals.HoldUnknown);
        var answer = await grains.GetGrain<ILotDeskGrain>(lotId).ReleaseHold(id, ParkingAppAuthentication.AppId(user)!);
        return answer.Hold is { } hold ? TypedResults.Ok(View(hold)) : ParkingAnswers.Refused(answer.Refusal!);
    }

    /// <summary>A hold id is <c>h.{lotId}.{hash}</c>: the lot's desk keeps it.</summary>
    private static string? LotOf(string id, CityCatalog catalog)
    {
        var parts = id.Split('.');
        return parts.Length == 3 && parts[0] == "h" && catalog.FindLot(parts[1]) is { } lot ? lot.Id : null;
    }

    public static HoldView View(ParkingHold hold) =>
        new(hold.HoldId, hold.LotId, hold.Plate, hold.VehicleType, hold.Status, hold.PlacedAt, hold.ExpiresAt, hold.SessionId);
}
