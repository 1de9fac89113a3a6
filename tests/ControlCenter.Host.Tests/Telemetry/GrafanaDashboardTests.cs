using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>
/// ops/grafana/controlcenter.json queries only series a real /metrics serves: the host runs on PostgreSQL (for
/// Npgsql's series) and is made to reject, refuse and raise an alert once, so labelled series exist too.
/// </summary>
public partial class GrafanaDashboardTests
{
    private static string DashboardFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "ControlCenter.sln"))) folder = folder.Parent ?? throw new InvalidOperationException("not inside the repository");
        return Path.Combine(folder.FullName, "ops", "grafana", "controlcenter.json");
    }

    [GeneratedRegex(@"\bby \([^)]*\)|\{[^}]*\}")]
    private static partial Regex LabelsAndGrouping();

    [GeneratedRegex(@"\b(?:controlcenter|dotnet|orleans|http|db|aspnetcore|kestrel)_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [Test]
    public async Task EveryQueriedMetric_IsInALiveScrape()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardFile()));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .ToList();
        var names = expressions.SelectMany(e => MetricName().Matches(LabelsAndGrouping().Replace(e, " ")).Select(m => m.Value)).ToHashSet();
        Assert.That(names, Has.Count.GreaterThan(20), "the dashboard's queries were read");

        await using var database = await PostgresDatabase.Create();
        await using var host = CityHost.OnPostgreSql(database.ConnectionString);
        await host.WaitUntilReady();
        using var ingester = host.Ingester();
        using (var rejected = await ingester.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-nowhere", DateTimeOffset.UtcNow, new { rainMm = 1 })), Json.Options))
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using var stranger = host.Ingester("not-a-key");
        using (var refused = await stranger.PostAsJsonAsync("/api/v1/readings", Json.Batch(), Json.Options))
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using (var op = await host.SignedIn("operator"))
        using (var raised = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Kiểm tra bảng Grafana", severity = "info", zoneId = "ba-dinh" }))
            Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var (mqtt, _) = await MqttTestClient.Connect(host.MqttPort, "dev-gateway", "wrong-key", "grafana-check");
        await mqtt.DisposeAsync();

        using var reader = host.CreateClient();
        // The probe's value is what is still missing, so a failure names it.
        await Eventually.Until(async () => Missing(names, await reader.GetStringAsync("/metrics")), missing => missing.Length == 0,
            "every metric the dashboard queries in /metrics", TimeSpan.FromSeconds(30));
    }

    private static string Missing(IEnumerable<string> names, string scrape) => string.Join(", ", names.Where(n => !Serves(scrape, n)));

    private static bool Serves(string scrape, string name) =>
        scrape.Contains($"\n{name}{{", StringComparison.Ordinal) || scrape.Contains($"\n{name} ", StringComparison.Ordinal);
}
