using System.Net;
using System.Net.Sockets;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// Each test host runs a real silo with real TCP ports: hand out ports nobody is using, and nobody will take.
/// <para>
/// Ports come from below the kernel's ephemeral range (32768–60999 here), never from it: a port the OS picked for
/// "port 0" is free at that moment, but the same range serves every outgoing connection (HTTP clients, Npgsql,
/// silo-to-silo links), and a busy suite once saw the MQTT broker's port taken by one of those before the host
/// bound it. Below the range only listeners compete; each is handed out once per test run and checked free.
/// </para>
/// </summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int Last = 32000;

    // A different start per test process, so two suites on one machine rarely walk the same ports.
    private static int _turn = Random.Shared.Next(0, Last - First);

    public static int Next()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _turn) % (Last - First));
            if (IsFree(port)) return port;
        }

        throw new InvalidOperationException($"no free port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
