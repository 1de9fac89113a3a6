using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Parking;

/// <summary>
/// Parking sessions for the drivers' app: start (one open session per plate; a full lot refuses), end with the
/// fee and its breakdown, report the payment result. Operators read any session and list the unpaid ones.
/// </summary>
public static class SessionEndpoints
{
    public sealed record StartRequest(string? LotId, string? Plate, string? VehicleType, string? HoldId);

    public sealed record PaymentRequest(string? Provider, string? Reference, long? Amount, string? Status);

    public static RouteGroupBuilder MapParkingSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/parking/sessions").WithTags("Parking");
        sessions.MapPost("", Start).WithName("StartParkingSession").RequireAuthorization(ParkingConfiguration.AppPolicy)
            .WithSummary("Start a parking session: one open session per plate")
            .WithDescription($"Send an {ParkingAnswers.IdempotencyHeader} header: a retry with the same key returns the same session (200, {ParkingAnswers.ReplayedHeader}: true). "
                + "A holdId takes the held space. Refusals carry a refusal code (docs/parking-api.md).")
            .Produces<ParkingSessionView>(StatusCodes.Status201Created).Produces<ParkingSessionView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapPost("/{id}/end", End).WithName("EndParkingSession").RequireAuthorization(ParkingConfiguration.AppPolicy)
            .WithSummary("End a session: the fee and its breakdown")
            .WithDescription("Ending an ended session returns it unchanged (same fee).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/{id}/payment", Pay).WithName("RecordParkingPayment").RequireAuthorization(ParkingConfiguration.AppPolicy)
            .WithSummary("Report a payment result for an ended session")
            .WithDescription("provider + reference identify a result: reporting it again is 200 with the session unchanged. "
                + "The amount must be the fee (422 amount-mismatch, with current.feeVnd); a paid session takes no second successful payment (409 already-paid).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sessions.MapGet("/{id}", Get).WithName("GetParkingSession").RequireAuthorization(ParkingConfiguration.SessionReadPolicy)
            .WithSummary("Read a session: an app its own, an operator any").ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapGet("", Unpaid).WithName("ListUnpaidParkingSessions").RequireAuthorization(Roles.Operator)
            .WithSummary("Ended sessions not yet paid (status=unpaid), oldest first").ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<JsonHttpResult<ParkingSessionView>, ProblemHttpResult>> Start(
        StartRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains)
    {
        if (ParkingAnswers.IdempotencyKey(http, out var missing) is not { } key) return missing!;
        if (ParkingAnswers.Driver(request?.LotId, request?.Plate, request?.VehicleType, catalog, out var invalid) is not { } driver) return invalid!;
        var (lot, plate, vehicle) = driver;
        if (request!.HoldId is { Length: > 100 }) return Problems.Invalid("holdId is the id a hold was given.");

        var appId = ParkingAppAuthentication.AppId(user)!;
        var id = "s." + ParkingAnswers.IdFrom(appId, "session", key);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).Start(new SessionStart(appId, lot.Id, plate, vehicle, request.HoldId));
        return answer.Session is { } session && answer.Refusal is null
            ? ParkingAnswers.Replayable(http, answer.Replayed, StatusCodes.Status201Created, ParkingSessionView.Of(session))
            : ParkingAnswers.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<ParkingSessionView>, ProblemHttpResult>> End(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Plausible(id)) return ParkingAnswers.Refused(ParkingRefusals.Unknown);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).End(ParkingAppAuthentication.AppId(user)!);
        return answer.Session is { } session ? TypedResults.Ok(ParkingSessionView.Of(session)) : ParkingAnswers.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<ParkingSessionView>, ProblemHttpResult>> Pay(string id, PaymentRequest? request, ClaimsPrincipal user, IGrainFactory grains, CityClock clock)
    {
        if (!Plausible(id)) return ParkingAnswers.Refused(ParkingRefusals.Unknown);
        if (Text(request?.Provider) is not { } provider || Text(request!.Reference) is not { } reference)
            return Problems.Invalid("provider and reference are required, up to 100 printable characters each.");
        if (request.Amount is not >= 0) return Problems.Invalid("amount is the amount paid in VND, 0 or more.");
        if (request.Status is not { } status || !ParkingPayment.Statuses.Contains(status))
            return Problems.Invalid($"status is one of {string.Join(", ", ParkingPayment.Statuses)}.");

        var payment = new ParkingPayment(provider, reference, request.Amount.Value, status, clock.Now);
        var answer = await grains.GetGrain<IParkingSessionGrain>(id).RecordPayment(ParkingAppAuthentication.AppId(user)!, payment);
        if (answer.Refusal is { } refusal) return ParkingAnswers.Refused(refusal, answer.Session?.Fee is { } fee ? new FeeDue(fee.TotalVnd) : null);
        return TypedResults.Ok(ParkingSessionView.Of(answer.Session!));
    }

    private static async Task<Results<Ok<ParkingSessionView>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var session = Plausible(id) ? await grains.GetGrain<IParkingSessionGrain>(id).Get() : null;
        var app = ParkingAppAuthentication.AppId(user);
        // An app sees its own sessions only; an operator sees any.
        return session is not null && (app is null || session.AppId == app)
            ? TypedResults.Ok(ParkingSessionView.Of(session)) : ParkingAnswers.Refused(ParkingRefusals.Unknown);
    }

    private static async Task<Results<Ok<UnpaidSessionsView>, ProblemHttpResult>> Unpaid(string? status, CityCatalog catalog, IGrainFactory grains)
    {
        if (status != ParkingSession.Unpaid) return Problems.Invalid("status=unpaid is the list operators follow up (sessions are otherwise read one by one).");
        var perLot = await Task.WhenAll(catalog.ParkingLots.Select(l => grains.GetGrain<ILotDeskGrain>(l.Id).Unpaid()));
        var unpaid = perLot.SelectMany(l => l).OrderBy(u => u.EndedAt).ToList();
        var sessions = await Task.WhenAll(unpaid.Select(u => grains.GetGrain<IParkingSessionGrain>(u.SessionId).Get()));
        return TypedResults.Ok(new UnpaidSessionsView(unpaid.Count, unpaid.Sum(u => u.FeeVnd), sessions.OfType<ParkingSession>().Select(ParkingSessionView.Of)));
    }

    /// <summary>Session ids are <c>s.</c> and 24 hex digits; anything else is not looked up (no grain for junk).</summary>
    private static bool Plausible(string id) => id.Length == 26 && id.StartsWith("s.", StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);

    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > 100 || value.Any(char.IsControl) ? null : value.Trim();
}
