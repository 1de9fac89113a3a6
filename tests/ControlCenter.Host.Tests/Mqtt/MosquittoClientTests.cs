using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Mqtt;

/// <summary>
/// The examples of docs/integrations.md, run as written with Debian's mosquitto_pub and mosquitto_sub
/// (installed by ops/mqtt-clients.sh) against the host's broker.
/// </summary>
public class MosquittoClientTests : SqliteHostFixture
{
    [Test]
    public async Task MosquittoPub_AReading_AndMosquittoSub_SeesItsStateChange()
    {
        var before = await Host.Entity("rg-hoan-kiem");
        var port = Host.MqttPort.ToString(CultureInfo.InvariantCulture);
        // The retained state, then the change: two messages, or give up after 30 s.
        using var sub = Start("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-i", "doc-subscriber",
            "-u", "dev-portal", "-P", CityHost.FeedToken, "-t", "city/state/rg-hoan-kiem", "-C", "2", "-W", "30");
        var retained = await sub.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var ts = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        using var pub = Start("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-q", "1", "-i", "gw-hoan-kiem",
            "-u", "dev-gateway", "-P", CityHost.DevKey, "-t", "city/readings/rg-hoan-kiem",
            "-m", $"{{\"ts\": \"{ts}\", \"values\": {{\"rainMm\": 7.5}}}}");
        await pub.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var changed = await sub.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await sub.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(pub.ExitCode, Is.Zero, "mosquitto_pub got its PUBACK: " + await pub.StandardError.ReadToEndAsync());
        Assert.That(sub.ExitCode, Is.Zero, await sub.StandardError.ReadToEndAsync());
        var versions = new[] { retained, changed }.Select(l => JsonDocument.Parse(l!).RootElement.GetProperty("version").GetInt64());
        Assert.That(versions, Is.EqualTo(new[] { before.Version, before.Version + 1 }));
        Assert.That((await Host.Entity("rg-hoan-kiem")).Values["rainMm"], Is.EqualTo(7.5));
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (ops/mqtt-clients.sh installs it)");
    }
}
