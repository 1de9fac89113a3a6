using ControlCenter.Host.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ControlCenter.Host.Api;

/// <summary>
/// The API's contract, generated from the endpoints themselves so it cannot drift from them:
/// <c>/openapi/v1.json</c>, and an interactive reference for people at <c>/api/reference</c>. Both are read as
/// the API is (a signed-in person, a feed token or a gateway key); the reference's script is served from the
/// package, never from a CDN, and sends no telemetry.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ControlCenter — Hà Nội",
                Version = "v1",
                Description = "Trung tâm điều hành đô thị thông minh: ingest, state, history, alerts, parking, feeds and open data. "
                    + "The city's operations centre API; docs/api.md is the guide, this document the contract. "
                    + "Any endpoint may answer 503 problem details with Retry-After while the cluster settles after a silo died: send it again after that wait.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["gatewayKey"] = ApiKey(Ingest.IngestEndpoint.KeyHeader, "A gateway's or an integration's key (ingest, reads, scoped imports)."),
                ["parkingAppKey"] = ApiKey(Parking.ParkingAppAuthentication.Header, "The drivers' app key: parking search, holds and sessions only."),
                ["feedToken"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "A feed token for other systems (reads and the live feed).",
                },
                ["session"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = ".AspNetCore.Cookies",
                    Description = "A person's session, from POST /api/v1/auth/login or the wall's login page.",
                },
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal)).RequireAuthorization(AccessPolicies.Read);
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.Title = "ControlCenter API";
            options.OpenApiRoutePattern = DocumentPath;
            options.Telemetry = false;
            options.DefaultFonts = false;
        }).RequireAuthorization(AccessPolicies.Read);
        return app;
    }

    private static OpenApiSecurityScheme ApiKey(string header, string description) => new()
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = header, Description = description,
    };
}
