using System.Globalization;
using System.Security.Claims;
using ControlCenter.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ControlCenter.Host.People;

/// <summary><c>POST /api/v1/auth/login</c>, <c>POST /api/v1/auth/logout</c>, <c>GET /api/v1/auth/me</c>.</summary>
public static class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", Login).AllowAnonymous().WithName("Login");
        app.MapPost("/api/v1/auth/logout", async (HttpContext http, ClaimsPrincipal user, AuditLog audit) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "logout");
            return Results.NoContent();
        }).RequireAuthorization(Roles.Viewer).WithName("Logout");
        app.MapGet("/api/v1/auth/me", (ClaimsPrincipal user) =>
            Results.Ok(new { username = user.Identity!.Name, role = user.FindFirstValue(ClaimTypes.Role) }))
            .RequireAuthorization(Roles.Viewer).WithName("WhoAmI");
        return app;
    }

    private static async Task<IResult> Login(LoginRequest? request, HttpContext http, UserDirectory users, LoginThrottle throttle, AuditLog audit)
    {
        if (string.IsNullOrEmpty(request?.Username) || string.IsNullOrEmpty(request.Password) || request.Username.Length > 128 || request.Password.Length > 1024)
            return Results.Problem("Send {\"username\": \"…\", \"password\": \"…\"}.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed login");

        var (outcome, user, locked) = await SignIn(http, request.Username, request.Password, users, throttle, audit);
        if (outcome == LoginOutcome.Locked)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(locked.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Problem("Too many failed logins for this username; try again later.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Locked out");
        }

        if (outcome == LoginOutcome.Failed)
            return Results.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");

        return Results.Ok(new { username = user!.Username, role = user.Role });
    }

    public enum LoginOutcome { SignedIn, Failed, Locked }

    /// <summary>
    /// The one way in, for the API and the wall's form alike: lockout after repeated failures, the same answer for
    /// a wrong name or password, the cookie set on success, and every attempt audited.
    /// </summary>
    public static async Task<(LoginOutcome Outcome, PersonAccount? User, TimeSpan LockedFor)> SignIn(
        HttpContext http, string username, string password, UserDirectory users, LoginThrottle throttle, AuditLog audit)
    {
        if (throttle.LockedFor(username) is { } locked)
        {
            await audit.Record(http, username, null, "login-locked");
            return (LoginOutcome.Locked, null, locked);
        }

        if (users.Verify(username, password) is not { } user)
        {
            throttle.Failed(username);
            await audit.Record(http, username, null, "login-failed");
            return (LoginOutcome.Failed, null, TimeSpan.Zero);
        }

        throttle.Succeeded(username);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.Record(http, user.Username, user.Role, "login");
        return (LoginOutcome.SignedIn, user, TimeSpan.Zero);
    }
}
