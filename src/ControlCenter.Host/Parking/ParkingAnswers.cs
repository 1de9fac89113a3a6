using ControlCenter.Host.Api;
using System.Security.Cryptography;
using System.Text;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Parking;
using ControlCenter.Host.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Parking;

/// <summary>
/// What the parking endpoints share: the <c>Idempotency-Key</c> a phone sends with every create, the ids made
/// from it (so a retry reaches the same hold or session), and how a refusal becomes an HTTP answer.
/// </summary>
public static class ParkingAnswers
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int LongestKey = 128;

    /// <returns>The key, or null with the reason in <paramref name="problem"/>.</returns>
    public static string? IdempotencyKey(HttpContext http, out ProblemHttpResult? problem)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        problem = null;
        if (key.Length is > 0 and <= LongestKey && key.All(c => c is > ' ' and <= '~')) return key;
        problem = Problems.Invalid($"Send an {IdempotencyHeader} header (1 to {LongestKey} printable ASCII characters, e.g. a UUID) so that a retry is recognised.");
        return null;
    }

    public const string PlateProblem = "plate must be a Vietnamese plate such as 30A-123.45, 29B1-234.56 or 30A-1234.";

    /// <summary>What a driver asks for a hold or a session: a lot of the catalogue, a plate, a vehicle type (car by default).</summary>
    public sealed record DriverRequest(ParkingLot Lot, string Plate, string VehicleType);

    /// <returns>The checked request (the plate in its canonical form), or null with the reason in <paramref name="problem"/>.</returns>
    public static DriverRequest? Driver(string? lotId, string? plate, string? vehicleType, CityCatalog catalog, out ProblemHttpResult? problem)
    {
        var lot = catalog.FindLot(lotId ?? "");
        var canonical = VehiclePlate.Normalize(plate);
        var vehicle = vehicleType ?? VehicleTypes.Car;
        problem = lot is null ? Problems.Invalid("lotId must name a lot of the catalogue.")
            : canonical is null ? Problems.Invalid(PlateProblem)
            : !VehicleTypes.IsValid(vehicle) ? Problems.Invalid($"vehicleType is one of {string.Join(", ", VehicleTypes.All)}.")
            : null;
        return problem is null ? new DriverRequest(lot!, canonical!, vehicle) : null;
    }

    /// <summary>An id that only this app's key can produce again: a hash of the app, what is created and the key.</summary>
    public static string IdFrom(string appId, string what, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{appId}\n{what}\n{key}")))[..24];

    public static ProblemHttpResult Refused(string refusal, object? current = null)
    {
        var (status, title) = refusal switch
        {
            ParkingRefusals.Unknown or ParkingRefusals.HoldUnknown or ParkingRefusals.NotYours => (StatusCodes.Status404NotFound, "Not found"),
            ParkingRefusals.KeyReused or ParkingRefusals.HoldMismatch or ParkingRefusals.AmountMismatch =>
                (StatusCodes.Status422UnprocessableEntity, "Request does not match"),
            _ => (StatusCodes.Status409Conflict, "Not possible now"),
        };
        var extensions = new Dictionary<string, object?> { ["refusal"] = refusal };
        if (current is not null) extensions["current"] = current;
        return TypedResults.Problem(Explain(refusal), statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>A replayed answer is the first one again, marked so that the app can tell.</summary>
    public static JsonHttpResult<T> Replayable<T>(HttpContext http, bool replayed, int createdStatus, T body)
    {
        if (replayed) http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Json(body, statusCode: replayed ? StatusCodes.Status200OK : createdStatus);
    }

    private static string Explain(string refusal) => refusal switch
    {
        ParkingRefusals.Full => "The lot has no free space now (held spaces count as taken).",
        ParkingRefusals.Closed => "The lot is closed by an operator.",
        ParkingRefusals.Flood => "The lot is closed because the street is flooded.",
        ParkingRefusals.NoData => "The lot's sensors are silent: no space can be promised.",
        ParkingRefusals.PlateBusy => "This plate already has an open session or an active hold.",
        ParkingRefusals.HoldUnknown => "No such hold.",
        ParkingRefusals.HoldNotActive => "The hold has expired, been released or been used.",
        ParkingRefusals.HoldMismatch => "The hold was made for another app, plate or vehicle type.",
        ParkingRefusals.KeyReused => "This Idempotency-Key (or payment reference) was used before with a different request.",
        ParkingRefusals.NotYours or ParkingRefusals.Unknown => "No such session.",
        ParkingRefusals.StillOpen => "The session is still open: end it first.",
        ParkingRefusals.AmountMismatch => "The amount does not match the session's fee.",
        ParkingRefusals.AlreadyPaid => "The session is already paid.",
        ParkingRefusals.TooManyPayments => "Too many payment results for one session.",
        _ => refusal,
    };
}
