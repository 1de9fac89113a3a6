using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Simulator;

namespace ControlCenter.Host.Tests.Cluster;

/// <summary>
/// The simulator's load mode sending round robin to every silo of a cluster over real HTTP with the ingest key,
/// resending what got no answer (a dead silo, a 503) to the next silo, and keeping a ledger of what was acknowledged.
/// </summary>
public sealed class ClusterLoad(string urls) : IDisposable
{
    public const int Sensors = 300;

    private readonly TempDirectory _folder = new();
    private readonly StringWriter _output = new();
    private int _runs;

    /// <summary>Every ingest answer the load got, by status.</summary>
    public StatusRecorder Answers { get; } = new();

    public string Output => _output.ToString();

    /// <summary>One run of <paramref name="seconds"/> at <paramref name="rate"/> readings/s; 0 when nothing was rejected.</summary>
    public Task<int> Run(int seconds, int rate = 1500)
    {
        var ledger = Path.Combine(_folder.Path, $"acknowledged-{Interlocked.Increment(ref _runs)}.jsonl");
        return SimulatorCommand.Run(
            ["load", "--sensors", Sensors.ToString(CultureInfo.InvariantCulture), "--rate", rate.ToString(CultureInfo.InvariantCulture),
             "--duration", seconds.ToString(CultureInfo.InvariantCulture), "--batch", "100", "--senders", "3",
             "--resend-for", "120", "--ledger", ledger, "--url", urls, "--key", CityHost.DevKey], _output, CancellationToken.None, Answers);
    }

    /// <summary>Short runs one after another until <paramref name="stop"/>: load that spans restarts of unknown length.</summary>
    public async Task<List<int>> RunUntil(CancellationToken stop, int rate = 1500)
    {
        var codes = new List<int>();
        while (!stop.IsCancellationRequested) codes.Add(await Run(seconds: 4, rate));
        return codes;
    }

    /// <summary>Every reading the cluster answered 202 for (and did not reject), from every run's ledger.</summary>
    public List<SensorReading> Acknowledged() =>
        [.. Directory.EnumerateFiles(_folder.Path, "acknowledged-*.jsonl").SelectMany(File.ReadLines).Select(ReadingOf)];

    /// <summary>
    /// Every acknowledged reading is in history and in live state, read through <paramref name="readers"/> in turn:
    /// per sensor, the history's count equals the readings acknowledged, and the entity shows the newest of them and a
    /// version that folded each exactly once.
    /// </summary>
    public async Task AssertDurable(IReadOnlyList<HttpClient> readers)
    {
        var acknowledged = Acknowledged();
        Assert.That(acknowledged, Is.Not.Empty, "the load was acknowledged at all");
        var turn = 0;
        foreach (var sensor in acknowledged.GroupBy(r => r.SensorId))
        {
            var reader = readers[turn++ % readers.Count];
            var newest = sensor.MaxBy(r => r.Ts)!;
            var state = (await reader.GetFromJsonAsync<EntityState>($"/api/v1/entities/{sensor.Key}", Json.Options))!;
            Assert.That(state.Ts, Is.EqualTo(newest.Ts).Within(TimeSpan.FromSeconds(1)), $"{sensor.Key} shows its newest reading");
            Assert.That(state.Values, Is.EquivalentTo(newest.Values), $"{sensor.Key} shows its newest values");
            Assert.That(state.Version, Is.EqualTo(sensor.Count()), $"{sensor.Key} folded each acknowledged reading once");

            var metric = newest.Values.Keys.Order(StringComparer.Ordinal).First();
            var from = Uri.EscapeDataString(sensor.Min(r => r.Ts).AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
            var to = Uri.EscapeDataString(sensor.Max(r => r.Ts).AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
            var history = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/history/{sensor.Key}?metric={metric}&from={from}&to={to}&step=1d");
            var counted = history.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64());
            Assert.That(counted, Is.EqualTo(sensor.Count(r => r.Values.ContainsKey(metric))), $"{sensor.Key}'s acknowledged {metric} readings are in history");
        }
    }

    /// <summary>The rule for feed clients (live-feed.md): per sensor, versions never go back, whichever silo its grain is on.</summary>
    public void AssertVersionsOnlyGrow(FeedClient subscriber)
    {
        var loaded = Acknowledged().Select(r => r.SensorId).ToHashSet(StringComparer.Ordinal);
        var backwards = subscriber.States
            .Select(s => (Id: s.GetProperty("entityId").GetString()!, Version: s.GetProperty("version").GetInt64()))
            .Where(s => loaded.Contains(s.Id))
            .GroupBy(s => s.Id)
            .Where(g => g.Zip(g.Skip(1)).Any(p => p.Second.Version < p.First.Version))
            .Select(g => $"{g.Key}: {string.Join(",", g.Select(s => s.Version))}")
            .ToList();
        Assert.That(backwards, Is.Empty, "versions per sensor only grow on the feed");
    }

    private static SensorReading ReadingOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new SensorReading(root.GetProperty("sensorId").GetString()!, root.GetProperty("ts").GetDateTimeOffset().ToUniversalTime(),
            root.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
    }

    public void Dispose()
    {
        Answers.Dispose();
        _output.Dispose();
        _folder.Dispose();
    }
}
