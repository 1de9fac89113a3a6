using ControlCenter.Host.Api;
using System.Security.Claims;
using System.Text.Json;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// <c>GET /api/v1/thresholds</c> shows the packs in force with their version; an administrator's
/// <c>PUT</c> replaces them whole (every pack named, the version it replaces given), validated and audited.
/// </summary>
public static class ThresholdEndpoints
{
    public static IEndpointRouteBuilder MapThresholds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/thresholds", async (IGrainFactory grains) => Results.Ok(Describe(await grains.GetGrain<IThresholdsGrain>(0).Get())))
            .WithName("GetThresholds").RequireAuthorization(AccessPolicies.Read);
        app.MapPut("/api/v1/thresholds", Replace).WithName("ReplaceThresholds").RequireAuthorization(Roles.Admin);
        return app;
    }

    private static async Task<IResult> Replace(JsonElement body, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit, EgovImport egov)
    {
        const string title = "Invalid thresholds";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("version", out var versionElement)
            || versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt64(out var version) || !body.TryGetProperty("packs", out var packsElement))
            return Problems.Invalid("The body is { \"version\": <the version you read>, \"packs\": { every pack } }.", title);

        var (packs, errors) = ThresholdJson.Read(packsElement);
        if (packs is null)
            return Results.Problem(string.Join("; ", errors), statusCode: StatusCodes.Status400BadRequest, title: title,
                extensions: new Dictionary<string, object?> { ["errors"] = errors });

        var grain = grains.GetGrain<IThresholdsGrain>(0);
        var before = await grain.Get();
        var stored = await grain.Replace(version, ThresholdJson.Write(packs), Actor.Name(user));
        if (stored is null)
        {
            var current = await grain.Get();
            return Results.Problem($"The thresholds are at version {current.Version}, not {version}: read them again and reapply your change.",
                statusCode: StatusCodes.Status409Conflict, title: "Thresholds changed meanwhile",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version, ["changedBy"] = current.ChangedBy });
        }

        await Actor.Audit(audit, http, user, "thresholds-changed", $"v{stored.Version}", ChangedPacks(before.Json, stored.Json));
        // The on-time targets are the one pack read only when figures arrive: tell the figures they may have moved.
        await egov.TargetsChanged();
        return Results.Ok(Describe(stored));
    }

    private static object Describe(ThresholdDocument document) => new
    {
        version = document.Version,
        changedAt = document.ChangedAt,
        changedBy = document.ChangedBy,
        packs = JsonDocument.Parse(document.Json).RootElement,
    };

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
