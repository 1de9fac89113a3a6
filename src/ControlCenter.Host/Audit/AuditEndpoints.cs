using ControlCenter.Host.Api;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Audit;

/// <summary><c>GET /api/v1/admin/audit?limit=</c>: the newest audit entries, for administrators.</summary>
public static class AuditEndpoints
{
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGroup("/admin/audit").WithTags("Audit").RequireAuthorization(Roles.Admin)
            .MapGet("", Read).WithName("GetAudit")
            .WithSummary("Read the newest audit entries, newest first (limit 1 to 1000, default 100)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> Read(int? limit, AuditLog audit, CancellationToken cancellationToken) =>
        limit is < 1 or > MaxLimit
            ? Problems.Invalid($"limit is 1 to {MaxLimit}.", "Bad limit")
            : TypedResults.Ok(await audit.Read(limit ?? 100, cancellationToken));
}
