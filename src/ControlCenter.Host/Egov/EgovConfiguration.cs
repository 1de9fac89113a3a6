using ControlCenter.Host.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ControlCenter.Host.Egov;

/// <summary>The e-government figures: who may import them, the import path, the walls' board and the start-up sample.</summary>
public static class EgovConfiguration
{
    /// <summary>Importing: an administrator (login cookie) or an import key (its only use).</summary>
    public const string ImportPolicy = "egov-import";

    public static WebApplicationBuilder AddEgov(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EgovOptions.Section);
        builder.Services.Configure<EgovOptions>(section);
        var sample = section.Get<EgovOptions>()?.SamplePath;
        if (sample is not null && !File.Exists(sample))
            throw new InvalidOperationException($"Egov:SampleFile '{sample}' not found. Set Egov:SampleFile to a CSV of figures (docs/egov.md), or leave it empty.");

        builder.Services.AddSingleton<EgovImportKeyRing>();
        builder.Services.AddSingleton<EgovMetrics>();
        builder.Services.AddSingleton<EgovImport>();
        builder.Services.AddSingleton<EgovBoard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EgovBoard>());
        builder.Services.AddHostedService<EgovSampleLoader>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, EgovImportAuthentication>(EgovImportAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ImportPolicy, p => p
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, EgovImportAuthentication.SchemeName)
                .RequireRole(Roles.Admin, EgovImportAuthentication.ImporterRole));
        return builder;
    }
}
