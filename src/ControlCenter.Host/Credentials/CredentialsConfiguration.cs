using ControlCenter.Host.Feed;

namespace ControlCenter.Host.Credentials;

public static class CredentialsConfiguration
{
    /// <summary>Machine credentials made over the API, and the refresher that keeps every host's key rings current.</summary>
    public static WebApplicationBuilder AddMachineCredentials(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<FeedTokenRing>();
        builder.Services.AddSingleton<CredentialRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CredentialRefresher>());
        return builder;
    }
}
