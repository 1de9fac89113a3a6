using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Who may call what. Every endpoint names one of these policies (or a role policy); only health, login and
/// the public surface (the portal and the read-only open data API under /open, see Open/OpenSurface.cs) are
/// open, and a test walks every mapped endpoint to keep it so.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Reading the city (catalogue, state, tiles, history, metrics): a person, a feed token or a gateway key.</summary>
    public const string Read = "read";

    /// <summary>The endpoints anyone may reach, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Open = new Dictionary<string, string>
    {
        ["/health/live"] = "liveness probe",
        ["/health/ready"] = "readiness probe",
        ["/api/v1/auth/login"] = "the way in",
        ["/login"] = "the way in, the wall's form",
        ["/login/oidc"] = "the way in through the city's identity provider (a redirect to it)",
        ["/culture"] = "the language switch (sets a cookie, redirects to a local page)",
        ["/cong-thong-tin"] = "the citizens' portal (a static page that reads the open data)",
        [Api.ApiDocumentation.ReferencePath + "/scalar.js"] = "the API reference's script, the Scalar package's own code (the contract it shows needs credentials)",
        [Api.ApiDocumentation.ReferencePath + "/scalar.aspnetcore.js"] = "the same package's loader",
        [Api.ApiDocumentation.ReferencePath + "/favicon.svg"] = "the same package's icon",
    };

    public static WebApplicationBuilder AddAccessPolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, IngestKeyAuthentication>(IngestKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestKeyAuthentication.Policy, p => p.AddAuthenticationSchemes(IngestKeyAuthentication.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Read, p => p
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, FeedTokenAuthentication.SchemeName, IngestKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }
}
