using System.Net;
using System.Net.Sockets;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// Opens a delivery's connection only to an address the URL guard allows: a host name that resolved to a public
/// address at registration and resolves to the centre or a private network now (DNS rebinding) is not reached.
/// </summary>
public static class WebhookConnector
{
    public static SocketsHttpHandler Handler(IServiceProvider services)
    {
        var guard = services.GetRequiredService<WebhookUrlGuard>();
        return new SocketsHttpHandler
        {
            // A receiver's redirect is not followed: it could point anywhere, the centre itself included.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => Connect(guard, context.DnsEndPoint, cancellationToken),
        };
    }

    private static async ValueTask<Stream> Connect(WebhookUrlGuard guard, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.FirstOrDefault(a => guard.AddressProblem(a, endpoint.Port) is null)
            ?? throw new HttpRequestException($"{endpoint.Host}:{endpoint.Port} resolves only to addresses webhooks may not reach.");
        var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(allowed, endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
