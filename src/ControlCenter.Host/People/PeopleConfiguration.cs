using ControlCenter.Host.Feed;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ControlCenter.Host.People;

public static class PeopleConfiguration
{
    public const string CookieName = "controlcenter.auth";

    /// <summary>
    /// Cookie login for people, with one policy per role (each admitting the roles above it). Outside
    /// Development the host refuses to start without configured users.
    /// </summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PeopleOptions.Section).Get<PeopleOptions>() ?? new PeopleOptions();
        if (!builder.Environment.IsDevelopment() && !options.Users.Any(u => u.PasswordHash.Length > 0) && !options.Oidc.Enabled)
            throw new InvalidOperationException(
                "No users are configured. Set Auth:Users:0:Username, Auth:Users:0:Role (viewer, responder, operator or admin) and "
                + "Auth:Users:0:PasswordHash (e.g. environment variables Auth__Users__0__…; make a hash with "
                + "`dotnet ControlCenter.Host.dll hash-password`), or an OpenID Connect provider: Auth:Oidc:Authority, "
                + "Auth:Oidc:ClientId, Auth:Oidc:ClientSecret (Auth__Oidc__…).");

        if (options.Oidc.Enabled && options.Oidc.RequireHttpsMetadata && !options.Oidc.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Auth:Oidc:Authority '{options.Oidc.Authority}' is not HTTPS. Use the provider's HTTPS address (or, for a development provider only, Auth:Oidc:RequireHttpsMetadata=false).");
        builder.Services.Configure<PeopleOptions>(builder.Configuration.GetSection(PeopleOptions.Section));
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, LoginRateLimit>(LoginRateLimit.Policy));
        builder.Services.AddSingleton<Audit.AuditLog>();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (options.Oidc.Enabled) authentication.AddCitySingleSignOn(options.Oidc);
        authentication.AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);   // one shift
                o.SlidingExpiration = true;
                // An API answers with a status; only the wall's pages send a person to the login page.
                o.LoginPath = "/login";
                o.Events.OnRedirectToLogin = c =>
                {
                    if (IsWallPage(c.Request)) c.Response.Redirect(c.RedirectUri);
                    else c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole(Roles.AtLeast(role)));
        return builder;
    }

    /// <summary>A browser asking for a wall page (HTML), not a program calling an API, the hub or a probe.</summary>
    private static bool IsWallPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs")
        && !request.Path.StartsWithSegments("/metrics") && !request.Path.StartsWithSegments("/health")
        && !request.Path.StartsWithSegments("/_blazor");
}
