using System.Net;
using System.Net.Sockets;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>Each test host runs a real silo with real TCP ports: hand out ports nobody is using.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
