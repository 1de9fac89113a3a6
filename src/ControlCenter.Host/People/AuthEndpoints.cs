using System.Globalization;
using System.Security.Claims;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.People;

/// <summary><c>POST /api/v1/auth/login</c>, <c>POST /api/v1/auth/logout</c>, <c>GET /api/v1/auth/me</c>.</summary>
public static class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    /// <summary>Who is signed in: the name and the role the policies go by.</summary>
    public sealed record PersonView(string? Username, string? Role);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/login", Login).AllowAnonymous().WithName("Login")
            .WithSummary("Sign in with a username and password; the answer sets the session cookie")
            .WithDescription("A wrong username and a wrong password get the same 401. After repeated failures from one address the username is locked for that address, longer each time: 429 with Retry-After. Too many attempts from one address of any kind: 429 with Retry-After, before the password is checked.")
            .RequireRateLimiting(LoginRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", Logout).RequireAuthorization(Roles.Viewer).WithName("Logout")
            .WithSummary("Sign out: the session cookie is removed")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new PersonView(user.Identity!.Name, user.FindFirstValue(ClaimTypes.Role))))
            .RequireAuthorization(Roles.Viewer).WithName("WhoAmI").WithSummary("Who is signed in, and with which role");
        return api;
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> Login(
        LoginRequest? request, HttpContext http, UserDirectory users, LoginThrottle throttle, AuditLog audit)
    {
        if (string.IsNullOrEmpty(request?.Username) || string.IsNullOrEmpty(request.Password) || request.Username.Length > 128 || request.Password.Length > 1024)
            return Problems.Invalid("Send {\"username\": \"…\", \"password\": \"…\"}.", "Malformed login");

        var (outcome, user, locked) = await SignIn(http, request.Username, request.Password, users, throttle, audit);
        if (outcome == LoginOutcome.Locked)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(locked.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.Of(StatusCodes.Status429TooManyRequests, "Locked out", "Too many failed logins for this username from this address; try again later.");
        }

        if (outcome == LoginOutcome.Failed) return Problems.Of(StatusCodes.Status401Unauthorized, "Login failed", "Wrong username or password.");
        return TypedResults.Ok(new PersonView(user!.Username, user.Role));
    }

    private static async Task<NoContent> Logout(HttpContext http, ClaimsPrincipal user, AuditLog audit)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "logout");
        return TypedResults.NoContent();
    }

    public enum LoginOutcome { SignedIn, Failed, Locked }

    /// <summary>
    /// The one way in, for the API and the wall's form alike: lockout after repeated failures from the caller's address,
    /// the same answer for a wrong name or password, the cookie set on success, and every attempt audited. Both routes
    /// to it carry the per-client rate limit (<see cref="LoginRateLimit"/>), so a flood is refused before any hash.
    /// </summary>
    public static async Task<(LoginOutcome Outcome, PersonAccount? User, TimeSpan LockedFor)> SignIn(
        HttpContext http, string username, string password, UserDirectory users, LoginThrottle throttle, AuditLog audit)
    {
        var client = http.Connection.RemoteIpAddress;
        if (await throttle.LockedFor(username, client) is { } locked)
        {
            await audit.Record(http, username, null, "login-locked");
            return (LoginOutcome.Locked, null, locked);
        }

        if (users.Verify(username, password) is not { } user)
        {
            await throttle.Failed(username, client);
            await audit.Record(http, username, null, "login-failed");
            return (LoginOutcome.Failed, null, TimeSpan.Zero);
        }

        await throttle.Succeeded(username, client);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.Record(http, user.Username, user.Role, "login");
        return (LoginOutcome.SignedIn, user, TimeSpan.Zero);
    }
}
