using System.Security.Claims;
using ControlCenter.Host.Audit;

namespace ControlCenter.Host.Alerts;

/// <summary>Who is acting, as the alert timeline and the audit log name them.</summary>
public static class Actor
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static Task Audit(AuditLog audit, HttpContext http, ClaimsPrincipal user, string action, string target, string? detail = null) =>
        audit.Record(http, Name(user), user.FindFirstValue(ClaimTypes.Role), action, target, detail);

    /// <summary>Caller-supplied text quoted back in an error: kept short.</summary>
    public static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
