using System.Security.Claims;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ControlCenter.Host.People;

/// <summary>
/// Sign-in through the city's identity provider (OpenID Connect, code flow with PKCE). The provider's answer
/// becomes the same login cookie a password login sets — a name and one of the contract's roles — so every
/// policy works unchanged. <c>GET /login/oidc</c> starts it (the wall's login page links there).
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static AuthenticationBuilder AddCitySingleSignOn(this AuthenticationBuilder authentication, OidcOptions settings) =>
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.GetClaimsFromUserInfoEndpoint = false;
            foreach (var scope in settings.Scopes) o.Scope.Add(scope);
            // The correlation and nonce cookies ride a top-level redirect back from the provider.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTokenValidated = context => Admit(context, settings);
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/login?sso=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>Keeps only the name and the highest contract role the provider grants; a person with none is refused.</summary>
    private static async Task Admit(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context, OidcOptions settings)
    {
        var principal = context.Principal!;
        var name = principal.FindFirstValue(settings.NameClaim) ?? principal.FindFirstValue("sub");
        var granted = principal.FindAll(settings.RoleClaim).Select(c => c.Value).Where(Roles.IsKnown).ToHashSet(StringComparer.Ordinal);
        var role = Roles.All.LastOrDefault(granted.Contains);
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        if (name is null || role is null)
        {
            await audit.Record(context.HttpContext, name ?? "unknown", null, "login-failed", "oidc", "no ControlCenter role in the provider's answer");
            context.Fail("The identity provider grants no ControlCenter role (viewer, responder, operator or admin).");
            return;
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme));
        await audit.Record(context.HttpContext, name, role, "login", "oidc");
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        // A browser's redirect to the identity provider, not an API call: left out of the OpenAPI contract.
        app.MapGet("/login/oidc", async Task<Results<ChallengeHttpResult, ProblemHttpResult>> (IAuthenticationSchemeProvider schemes) =>
            await schemes.GetSchemeAsync(Scheme) is not null
                ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [Scheme])
                : Problems.NotFound("Single sign-on is not configured (Auth:Oidc).", "No single sign-on"))
            .AllowAnonymous().WithName("SingleSignOn").ExcludeFromDescription();
        return app;
    }
}
