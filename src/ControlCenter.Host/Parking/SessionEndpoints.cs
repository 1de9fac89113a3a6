using ControlCenter.Host.Api;
using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Parking;

/// <summary>
/// Parking sessions for the drivers' app: start (one open session per plate; a full lot refuses), end with the
/// fee and its breakdown, report the payment result. Operators read any session and list the unpaid ones.
/// </summary>
public static class SessionEndpoints
{
    public sealed record StartRequest(string? LotId, string? Plate, string? VehicleType, string? HoldId);

    public sealed record PaymentRequest(string? Provider, string? Reference, long? Amount, string? Status);

    public static IEndpointRouteBuilder MapParkingSessions(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/v1/parking/sessions");
        sessions.MapPost("", Start).WithName("StartParkingSession").RequireAuthorization(ParkingConfiguration.AppPolicy);
        sessions.MapPost("/{id}/end", End).WithName("EndParkingSession").RequireAuthorization(ParkingConfiguration.AppPolicy);
        sessions.MapPost("/{id}/payment", Pay).WithName("RecordParkingPayment").RequireAuthorization(ParkingConfiguration.AppPolicy);
        sessions.MapGet("/{id}", Get).WithName("GetParkingSession").RequireAuthorization(ParkingConfiguration.SessionReadPolicy);
        sessions.MapGet("", Unpaid).WithName("ListUnpaidParkingSessions").RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> Start(StartRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        if (ParkingAnswers.IdempotencyKey(http, out var missing) is not { } key) return missing!;
        if (ParkingAnswers.Driver(request?.LotId, request?.Plate, request?.VehicleType, catalog, out var invalid) is not { } driver) return invalid!;
        var (lot, plate, vehicle) = driver;
        if (request!.HoldId is { Length: > 100 }) return Problems.Invalid("holdId is the id a hold was given.");

        var appId = ParkingAppAuthentication.AppId(user)!;
        var id = "s." + ParkingAnswers.IdFrom(appId, "session", key);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).Start(new SessionStart(appId, lot.Id, plate, vehicle, request.HoldId));
        return answer.Session is { } session && answer.Refusal is null
            ? ParkingAnswers.Replayable(http, answer.Replayed, StatusCodes.Status201Created, View(session))
            : ParkingAnswers.Refused(answer.Refusal!);
    }

    private static async Task<IResult> End(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Plausible(id)) return ParkingAnswers.Refused(ParkingRefusals.Unknown);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).End(ParkingAppAuthentication.AppId(user)!);
        return answer.Session is { } session ? Results.Ok(View(session)) : ParkingAnswers.Refused(answer.Refusal!);
    }

    private static async Task<IResult> Pay(string id, PaymentRequest? request, ClaimsPrincipal user, IGrainFactory grains, CityClock clock)
    {
        if (!Plausible(id)) return ParkingAnswers.Refused(ParkingRefusals.Unknown);
        if (Text(request?.Provider) is not { } provider || Text(request!.Reference) is not { } reference)
            return Problems.Invalid("provider and reference are required, up to 100 printable characters each.");
        if (request.Amount is not >= 0) return Problems.Invalid("amount is the amount paid in VND, 0 or more.");
        if (request.Status is not { } status || !ParkingPayment.Statuses.Contains(status))
            return Problems.Invalid($"status is one of {string.Join(", ", ParkingPayment.Statuses)}.");

        var payment = new ParkingPayment(provider, reference, request.Amount.Value, status, clock.Now);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).RecordPayment(ParkingAppAuthentication.AppId(user)!, payment);
        if (answer.Refusal is { } refusal) return ParkingAnswers.Refused(refusal, answer.Session?.Fee is { } fee ? new { feeVnd = fee.TotalVnd } : null);
        return Results.Ok(View(answer.Session!));
    }

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var session = Plausible(id) ? await grains.GetGrain<IParkingSessionGrain>(id).Get() : null;
        var app = ParkingAppAuthentication.AppId(user);
        // An app sees its own sessions only; an operator sees any.
        return session is not null && (app is null || session.AppId == app) ? Results.Ok(View(session)) : ParkingAnswers.Refused(ParkingRefusals.Unknown);
    }

    private static async Task<IResult> Unpaid(string? status, CityCatalog catalog, IGrainFactory grains)
    {
        if (status != ParkingSession.Unpaid) return Problems.Invalid("status=unpaid is the list operators follow up (sessions are otherwise read one by one).");
        var perLot = await Task.WhenAll(catalog.ParkingLots.Select(l => grains.GetGrain<ILotDeskGrain>(l.Id).Unpaid()));
        var unpaid = perLot.SelectMany(l => l).OrderBy(u => u.EndedAt).ToList();
        var sessions = await Task.WhenAll(unpaid.Select(u => grains.GetGrain<IParkingSessionGrain>(u.SessionId).Get()));
        return Results.Ok(new
        {
            count = unpaid.Count,
            totalVnd = unpaid.Sum(u => u.FeeVnd),
            sessions = sessions.Where(s => s is not null).Select(s => View(s!)),
        });
    }

    /// <summary>Session ids are <c>s.</c> and 24 hex digits; anything else is not looked up (no grain for junk).</summary>
    private static bool Plausible(string id) => id.Length == 26 && id.StartsWith("s.", StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);

    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > 100 || value.Any(char.IsControl) ? null : value.Trim();

    public static object View(ParkingSession s) => new
    {
        sessionId = s.Id, lotId = s.LotId, plate = s.Plate, vehicleType = s.VehicleType, holdId = s.HoldId, status = s.Status,
        startedAt = s.StartedAt, endedAt = s.EndedAt,
        fee = s.Fee is not { } fee ? null : new
        {
            minutes = fee.Minutes, totalVnd = fee.TotalVnd, tariffId = fee.TariffId, exampleTariff = fee.ExampleTariff,
            lines = fee.Lines.Select(l => new { from = l.From, to = l.To, band = l.Band, kind = l.Kind, amountVnd = l.AmountVnd }),
            days = fee.Days.Select(d => new { date = d.Date, chargedVnd = d.ChargedVnd, cappedVnd = d.CappedVnd }),
        },
        payments = s.Payments.Select(p => new { provider = p.Provider, reference = p.Reference, amount = p.AmountVnd, status = p.Status, reportedAt = p.ReportedAt }),
    };
}
