using System.Globalization;
using ControlCenter.Host.People;
using ControlCenter.Host.Wall.Review;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace ControlCenter.Host.Wall;

/// <summary>
/// The wall: Blazor interactive server rendering with MudBlazor, Vietnamese first with English one click away
/// (resource files, a culture cookie), behind the cookie login.
/// </summary>
public static class WallConfiguration
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplicationBuilder AddWall(this WebApplicationBuilder builder)
    {
        // The build output outside Development still serves _content/MudBlazor (architecture.md).
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the wall's own switch (a cookie) changes it: a wall on a shared screen stays Vietnamese.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        builder.Services.Configure<WallOptions>(builder.Configuration.GetSection(WallOptions.Section));
        builder.Services.AddScoped<WallActions>();
        builder.Services.AddScoped<WallParking>();
        builder.Services.AddIncidentReview();
        builder.Services.Configure<Drills.DrillOptions>(builder.Configuration.GetSection(Drills.DrillOptions.Section));
        builder.Services.AddSingleton<Drills.DrillControl>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Drills.DrillControl>());
        return builder;
    }

    public static WebApplication MapWall(this WebApplication app)
    {
        app.RefuseCircuitsWhileStopping();
        // Pages and the live circuit (/_blazor) are for signed-in people; the login page says [AllowAnonymous].
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Roles.Viewer);
        // The language switch and the sign-out form are the wall's browser flows, not API calls: not in the OpenAPI contract.
        app.MapGet("/culture", SetCulture).AllowAnonymous().WithName("SetCulture").ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // The wall's sign-out is a form: without the page's antiforgery token another site could post it.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem("The form's antiforgery token is missing or wrong.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid form");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).RequireAuthorization(Roles.Viewer).WithName("WallLogout").DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>Static files, with the basemap's GeoJSON type known.</summary>
    public static StaticFileOptions StaticFiles()
    {
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        return new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase))
                    Open.PortalEndpoints.SecurityHeaders(file.Context.Response.Headers);
            },
        };
    }

    /// <summary><c>GET /culture?name=en-US&amp;returnUrl=/</c>: remembers the language in a cookie and goes back (local URLs only).</summary>
    private static IResult SetCulture(string? name, string? returnUrl, HttpContext http)
    {
        var culture = Cultures.FirstOrDefault(c => c.Name == name) ?? Cultures[0];
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
    }
}

/// <summary>Where the map's tiles come from. With none (the default here: no internet), the wall draws its own basemap.</summary>
public sealed class WallOptions
{
    public const string Section = "Wall";

    /// <summary>A Leaflet tile URL template such as <c>https://tile.example/{z}/{x}/{y}.png</c>, or empty.</summary>
    public string TileUrl { get; set; } = "";

    public string TileAttribution { get; set; } = "";
}
