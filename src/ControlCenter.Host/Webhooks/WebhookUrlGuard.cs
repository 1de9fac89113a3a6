using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// Refuses webhook URLs that would turn the centre against itself or its network: anything but absolute http(s);
/// plain http outside Development; the centre's own listening ports (HTTP, silo, gateway, MQTT) on any of its own
/// addresses; and outside Development loopback, link-local, private and unspecified addresses. Registration checks
/// every address the host resolves to; each delivery's connection is checked again (a name may resolve elsewhere later).
/// </summary>
public sealed class WebhookUrlGuard(IHostEnvironment environment, IServiceProvider services, IConfiguration configuration)
{
    public const int MaxUrlLength = 2048;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <returns>Why the URL is refused, or null.</returns>
    public async Task<string?> Problem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "url is required.";
        if (url.Length > MaxUrlLength) return $"url is at most {MaxUrlLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute http or https URL.";
        if (uri.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()) return "url must use https outside Development.";
        if (uri.UserInfo.Length > 0) return "url must not carry a user name or password.";

        IPAddress[] addresses;
        try
        {
            using var timeout = new CancellationTokenSource(ResolveTimeout);
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException)
        {
            return $"url's host '{Clip(uri.Host)}' does not resolve.";
        }

        if (addresses.Length == 0) return $"url's host '{Clip(uri.Host)}' does not resolve.";
        return addresses.Select(a => AddressProblem(a, uri.Port)).FirstOrDefault(p => p is not null);
    }

    /// <summary>Why sending to this address and port is refused, or null. Also checked for every connection a delivery opens.</summary>
    public string? AddressProblem(IPAddress address, int port)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var own = OwnAddresses();
        if (OwnPorts().Contains(port) && (IsLocal(address) || own.Contains(address))) return "url points back at the centre itself.";
        if (!environment.IsDevelopment() && (IsLocal(address) || IsPrivate(address) || own.Contains(address)))
            return "url must point at a public address outside Development (not loopback, link-local or private).";
        return null;
    }

    private static bool IsLocal(IPAddress a) =>
        IPAddress.IsLoopback(a) || a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any);

    private static bool IsPrivate(IPAddress a)
    {
        if (a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6UniqueLocal || a.IsIPv6Multicast) return true;
        if (a.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = a.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224;
    }

    private HashSet<int> OwnPorts()
    {
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var mqtt = configuration.GetSection(Mqtt.MqttOptions.Section).Get<Mqtt.MqttOptions>() ?? new Mqtt.MqttOptions();
        var ports = new HashSet<int> { silo.SiloPort, silo.GatewayPort, mqtt.Port };
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in listening)
        {
            var colon = address.LastIndexOf(':');
            if (colon > 0 && int.TryParse(address[(colon + 1)..].TrimEnd('/'), out var port)) ports.Add(port);
        }

        return ports;
    }

    private static HashSet<IPAddress> OwnAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
