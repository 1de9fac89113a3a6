using ControlCenter.Host.Open.Ngsi;

namespace ControlCenter.Host.Open;

/// <summary>Everything anyone may read without signing in: the portal and the open data API (docs/open-data.md).</summary>
public static class PublicSurfaceEndpoints
{
    public static IEndpointRouteBuilder MapPublicSurface(this IEndpointRouteBuilder app)
    {
        app.MapPortal();
        app.MapOpenGroup(OpenEndpoints.Prefix, "Open data").MapOpenData().MapOpenWarnings().MapOpenStations().MapOpenContract();
        app.MapOpenGroup(NgsiLdEndpoints.Prefix, "NGSI-LD", NgsiLdEndpoints.Rules).MapNgsiLd();
        return app;
    }
}
