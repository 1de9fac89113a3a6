using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Parking;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlCenter.Host.Parking;

/// <summary>Who may use the parking services, and the settings and tariffs they run on.</summary>
public static class ParkingConfiguration
{
    /// <summary>The drivers' app: holds, sessions and payments (its own key only).</summary>
    public const string AppPolicy = "parking-app";

    /// <summary>Search: the app, or any reader of the city (a person, a feed token, a gateway).</summary>
    public const string SearchPolicy = "parking-search";

    /// <summary>Reading a session: the app that owns it, or an operator.</summary>
    public const string SessionReadPolicy = "parking-session-read";

    public static WebApplicationBuilder AddParking(this WebApplicationBuilder builder, CityCatalog catalog)
    {
        var section = builder.Configuration.GetSection(ParkingAppOptions.Section);
        builder.Services.Configure<ParkingAppOptions>(section);
        builder.Services.Configure<ParkingOptions>(section);
        builder.Services.AddSingleton<ParkingAppKeyRing>();
        var tariffFile = section.GetValue<string>(nameof(ParkingAppOptions.TariffFile));
        var tariffs = string.IsNullOrWhiteSpace(tariffFile) ? TariffBook.Example : TariffFile.Load(tariffFile, catalog);
        builder.Services.Replace(ServiceDescriptor.Singleton(tariffs));

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ParkingAppAuthentication>(ParkingAppAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AppPolicy, p => p.AddAuthenticationSchemes(ParkingAppAuthentication.SchemeName).RequireRole(ParkingAppAuthentication.AppRole))
            .AddPolicy(SearchPolicy, p => p
                .AddAuthenticationSchemes(
                    ParkingAppAuthentication.SchemeName, CookieAuthenticationDefaults.AuthenticationScheme,
                    FeedTokenAuthentication.SchemeName, IngestKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(SessionReadPolicy, p => p
                .AddAuthenticationSchemes(ParkingAppAuthentication.SchemeName, CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireRole([ParkingAppAuthentication.AppRole, .. Roles.AtLeast(Roles.Operator)]));
        return builder;
    }
}
