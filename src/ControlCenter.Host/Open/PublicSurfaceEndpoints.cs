using ControlCenter.Host.Open.Ngsi;

namespace ControlCenter.Host.Open;

/// <summary>Everything anyone may read without signing in: the portal and the open data API (docs/open-data.md).</summary>
public static class PublicSurfaceEndpoints
{
    public static IEndpointRouteBuilder MapPublicSurface(this IEndpointRouteBuilder app)
    {
        app.MapPortal();
        app.MapOpenData();
        app.MapOpenWarnings();
        app.MapOpenStations();
        app.MapNgsiLd();
        return app;
    }
}
