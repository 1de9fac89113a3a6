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
    /// Every acknowledged reading is in the log, and every sensor's live state is the fold of its rows, each once, read
    /// through <paramref name="readers"/> in turn. The log may hold a reading the load never had acknowledged (a batch
    /// whose answer was lost for good), so the checks count the log's rows, not the ledger's: the entity shows the
    /// newest row, history counts every row, and the grain folded each row once. Its version is not the row count: a
    /// sensor that turned stale or offline on the clock (a parking spot read more than a minute after the load, with
    /// the shortened packs) has one version more per change of health, which the grain counts apart
    /// (<see cref="ControlCenter.Contracts.Grains.SensorFolds"/>).
    /// </summary>
    public async Task AssertDurable(HostCluster cluster, IReadOnlyList<HttpClient> readers)
    {
        var acknowledged = Acknowledged();
        Assert.That(acknowledged, Is.Not.Empty, "the load was acknowledged at all");
        var stored = await cluster.LogRows();
        var missing = acknowledged.Where(r => !stored.TryGetValue(r.SensorId, out var rows) || !rows.ContainsKey(r.Ts.ToUnixTimeMilliseconds())).ToList();
        Assert.That(missing.Select(r => $"{r.SensorId}@{r.Ts:O}"), Is.Empty, "every acknowledged reading is in the log");
        var unacknowledged = stored.Sum(s => s.Value.Count) - acknowledged.Select(r => (r.SensorId, r.Ts)).Distinct().Count();
        await TestContext.Out.WriteLineAsync($"log: {stored.Sum(s => s.Value.Count)} rows, {acknowledged.Count} readings acknowledged, {unacknowledged} stored without an acknowledgement");

        var turn = 0;
        var healthChanges = new List<string>();
        foreach (var sensorId in acknowledged.Select(r => r.SensorId).Distinct(StringComparer.Ordinal))
        {
            var reader = readers[turn++ % readers.Count];
            var rows = stored[sensorId];
            var newest = rows.MaxBy(r => r.Key);
            var state = (await reader.GetFromJsonAsync<EntityState>($"/api/v1/entities/{sensorId}", Json.Options))!;
            var folds = await cluster.Folds(sensorId);
            Assert.That(state.Ts, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(newest.Key)).Within(TimeSpan.FromSeconds(1)), $"{sensorId} shows its newest reading");
            Assert.That(state.Values, Is.EquivalentTo(newest.Value), $"{sensorId} shows its newest values");
            Assert.That((folds.LogSeq, folds.ReadingsFolded), Is.EqualTo(((long)rows.Count, (long)rows.Count)),
                $"{sensorId} folded each of its {rows.Count} rows once (version {folds.Version}, of which {folds.HealthChanges} changes of health)");
            Assert.That(state.Version, Is.InRange(rows.Count, folds.Version), $"{sensorId}'s entity shows a version of that fold");
            if (folds.HealthChanges > 0) healthChanges.Add($"{sensorId} ×{folds.HealthChanges}");

            var metric = newest.Value.Keys.Order(StringComparer.Ordinal).First();
            var from = Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(rows.Keys.Min()).AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
            var to = Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(rows.Keys.Max()).AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
            var history = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/history/{sensorId}?metric={metric}&from={from}&to={to}&step=1d");
            var counted = history.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64());
            Assert.That(counted, Is.EqualTo(rows.Values.Count(v => v.ContainsKey(metric))), $"{sensorId}'s logged {metric} readings are all in history");
        }

        await TestContext.Out.WriteLineAsync($"versions beyond the folds (changes of health on the clock): {healthChanges.Count} sensors [{string.Join(", ", healthChanges.Take(10))}]");
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
