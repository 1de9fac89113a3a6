using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// Lets a test say which client address a request comes from (the test server has none; Kestrel on loopback gives
/// everyone 127.0.0.1): a request carrying <see cref="Header"/> is seen by the whole pipeline as from that address.
/// Test-only, added before the host's own middleware.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddress>();

    /// <summary>A client of <paramref name="host"/> whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(CityHost host, string address)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            return rest(http);
        });
        next(app);
    };
}
