using ControlCenter.Host.Api;
using System.Security.Claims;
using System.Text.Json;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// <c>GET /api/v1/thresholds</c> shows the packs in force with their version; an administrator's
/// <c>PUT</c> replaces them whole (every pack named, the version it replaces given), validated and audited.
/// </summary>
public static class ThresholdEndpoints
{
    /// <summary>The packs in force: <paramref name="Packs"/> is the stored document as it is.</summary>
    public sealed record ThresholdsView(long Version, DateTimeOffset? ChangedAt, string? ChangedBy, JsonElement Packs);

    public static RouteGroupBuilder MapThresholds(this RouteGroupBuilder api)
    {
        var thresholds = api.MapGroup("/thresholds").WithTags("Thresholds");
        thresholds.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(Describe(await grains.GetGrain<IThresholdsGrain>(0).Get())))
            .WithName("GetThresholds").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("Read the threshold packs in force and their version");
        thresholds.MapPut("", Replace).WithName("ReplaceThresholds").RequireAuthorization(Roles.Admin)
            .WithSummary("Replace every threshold pack at once")
            .WithDescription("The body is { \"version\": <the version you read>, \"packs\": { every pack } }. Invalid packs are refused "
                + "with the list of errors in the problem's errors; a version that is no longer current is refused with 409 and the currentVersion.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<ThresholdsView>, ProblemHttpResult>> Replace(
        JsonElement body, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit, EgovImport egov)
    {
        const string title = "Invalid thresholds";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("version", out var versionElement)
            || versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt64(out var version) || !body.TryGetProperty("packs", out var packsElement))
            return Problems.Invalid("The body is { \"version\": <the version you read>, \"packs\": { every pack } }.", title);

        var (packs, errors) = ThresholdJson.Read(packsElement);
        if (packs is null)
            return TypedResults.Problem(string.Join("; ", errors), statusCode: StatusCodes.Status400BadRequest, title: title,
                extensions: new Dictionary<string, object?> { ["errors"] = errors });

        var grain = grains.GetGrain<IThresholdsGrain>(0);
        var before = await grain.Get();
        var stored = await grain.Replace(version, ThresholdJson.Write(packs), Actor.Name(user));
        if (stored is null)
        {
            var current = await grain.Get();
            return TypedResults.Problem($"The thresholds are at version {current.Version}, not {version}: read them again and reapply your change.",
                statusCode: StatusCodes.Status409Conflict, title: "Thresholds changed meanwhile",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version, ["changedBy"] = current.ChangedBy });
        }

        await Actor.Audit(audit, http, user, "thresholds-changed", $"v{stored.Version}", ChangedPacks(before.Json, stored.Json));
        // The on-time targets are the one pack read only when figures arrive: tell the figures they may have moved.
        await egov.TargetsChanged();
        return TypedResults.Ok(Describe(stored));
    }

    private static ThresholdsView Describe(ThresholdDocument document) =>
        new(document.Version, document.ChangedAt, document.ChangedBy, JsonDocument.Parse(document.Json).RootElement);

    /// <summary>Which packs a change touched, for the audit log.</summary>
    private static string ChangedPacks(string before, string after)
    {
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        var changed = ThresholdJson.PackNames.Where(name =>
            !a.RootElement.TryGetProperty(name, out var x) || !b.RootElement.TryGetProperty(name, out var y) || x.GetRawText() != y.GetRawText());
        return "changed: " + string.Join(", ", changed);
    }
}
