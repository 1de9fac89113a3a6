using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ControlCenter.Host.Feed;

public static class FeedConfiguration
{
    /// <summary>The live feed: in-process service, the cluster observer, the SignalR hub and feed-token authentication.</summary>
    public static WebApplicationBuilder AddLiveFeed(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LiveFeedOptions>(builder.Configuration.GetSection(LiveFeedOptions.Section));
        builder.Services.Configure<FeedTokenOptions>(builder.Configuration.GetSection(LiveFeedOptions.Section));
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<FeedObserver>();
        builder.Services.AddSingleton<HubFeedSender>();
        builder.Services.AddSingleton<FeedRegistration>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedRegistration>());

        builder.Services.AddSignalR().AddJsonProtocol(o => FeedJson.Apply(o.PayloadSerializerOptions));
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, FeedTokenAuthentication>(FeedTokenAuthentication.SchemeName, null);
        // Other systems come with a feed token; people on the wall with their login cookie.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FeedTokenAuthentication.Policy, p => p
                .AddAuthenticationSchemes(FeedTokenAuthentication.SchemeName, CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        return builder;
    }
}
