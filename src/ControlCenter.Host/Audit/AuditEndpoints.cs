using ControlCenter.Host.People;

namespace ControlCenter.Host.Audit;

/// <summary><c>GET /api/v1/admin/audit?limit=</c>: the newest audit entries, for administrators.</summary>
public static class AuditEndpoints
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/audit", async (int? limit, AuditLog audit, CancellationToken cancellationToken) =>
            limit is < 1 or > MaxLimit
                ? Results.Problem($"limit is 1 to {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad limit")
                : Results.Ok(await audit.Read(limit ?? 100, cancellationToken)))
            .RequireAuthorization(Roles.Admin).WithName("GetAudit");
        return app;
    }
}
