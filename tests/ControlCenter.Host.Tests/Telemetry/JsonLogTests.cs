using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>Outside Development the console log is one JSON object a line, for a log collector to parse.</summary>
public class JsonLogTests
{
    [Test]
    public async Task ConsoleLog_OutsideDevelopment_IsOneJsonObjectALine()
    {
        using var data = new TempDirectory();
        await using var host = await HostProcess.Start(data.Path);

        var lines = await Eventually.Until(() => Task.FromResult(host.Output.Where(l => l.Length > 0).ToList()),
            l => l.Any(e => e.Contains("Application started", StringComparison.Ordinal)), "the lifetime's start message on the console");
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.That(entry.RootElement.TryGetProperty("LogLevel", out _) && entry.RootElement.TryGetProperty("Message", out _), Is.True, line);
        }
    }
}
