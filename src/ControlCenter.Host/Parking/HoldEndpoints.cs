using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Alerts;

namespace ControlCenter.Host.Parking;

/// <summary>
/// The drivers' app holds one space while the driver is on the way: <c>POST /api/v1/parking/holds</c>, read and
/// release it by id. A hold counts as taken for search and expires by itself (<c>Parking:HoldDuration</c>).
/// </summary>
public static class HoldEndpoints
{
    public sealed record HoldRequest(string? LotId, string? Plate, string? VehicleType);

    public static IEndpointRouteBuilder MapParkingHolds(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup("/api/v1/parking/holds").RequireAuthorization(ParkingConfiguration.AppPolicy);
        holds.MapPost("", Place).WithName("HoldParkingSpace");
        holds.MapGet("/{id}", Get).WithName("GetParkingHold");
        holds.MapDelete("/{id}", Release).WithName("ReleaseParkingHold");
        return app;
    }

    private static async Task<IResult> Place(HoldRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
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

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        var hold = LotOf(id, catalog) is { } lotId ? await grains.GetGrain<ILotDeskGrain>(lotId).GetHold(id) : null;
        return hold is not null && hold.AppId == ParkingAppAuthentication.AppId(user)
            ? Results.Ok(View(hold)) : ParkingAnswers.Refused(ParkingRefusals.HoldUnknown);
    }

    private static async Task<IResult> Release(string id, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        if (LotOf(id, catalog) is not { } lotId) return ParkingAnswers.Refused(ParkingRefusals.HoldUnknown);
        var answer = await grains.GetGrain<ILotDeskGrain>(lotId).ReleaseHold(id, ParkingAppAuthentication.AppId(user)!);
        return answer.Hold is { } hold ? Results.Ok(View(hold)) : ParkingAnswers.Refused(answer.Refusal!);
    }

    /// <summary>A hold id is <c>h.{lotId}.{hash}</c>: the lot's desk keeps it.</summary>
    private static string? LotOf(string id, CityCatalog catalog)
    {
        var parts = id.Split('.');
        return parts.Length == 3 && parts[0] == "h" && catalog.FindLot(parts[1]) is { } lot ? lot.Id : null;
    }

    public static object View(ParkingHold hold) => new
    {
        holdId = hold.HoldId, lotId = hold.LotId, plate = hold.Plate, vehicleType = hold.VehicleType,
        status = hold.Status, placedAt = hold.PlacedAt, expiresAt = hold.ExpiresAt, sessionId = hold.SessionId,
    };
}
