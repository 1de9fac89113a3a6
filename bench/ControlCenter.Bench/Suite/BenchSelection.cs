namespace ControlCenter.Bench.Suite;

/// <summary>
/// Which configurations a run measures (<c>--only</c>, from <c>BENCH_ONLY</c>): <c>raw</c>, <c>ceiling</c>,
/// <c>sqlite</c> and <c>postgres</c> (the full path at 10,000 sensors; <c>postgres</c> with the feed latency and
/// subscribers), <c>100k</c>, <c>mqtt</c> (the MQTT rows, on the <c>sqlite</c>/<c>postgres</c> hosts that run), and
/// <c>portal</c> (anonymous portal requests while ingesting).
/// Empty: everything. A partial run keeps the other rows of the results table as they were.
/// </summary>
public sealed class BenchSelection
{
    public static readonly string[] Names = ["raw", "ceiling", "sqlite", "postgres", "100k", "mqtt", "portal"];

    private readonly HashSet<string> _names;

    private BenchSelection(HashSet<string> names) => _names = names;

    public bool IsEverything => _names.Count == 0;

    public string Text => string.Join(",", _names.Order(StringComparer.Ordinal));

    public bool Has(string name) => IsEverything || _names.Contains(name);

    public static BenchSelection Parse(string? list)
    {
        var names = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(Names).ToArray();
        return unknown.Length == 0
            ? new BenchSelection(names)
            : throw new ArgumentException($"Unknown configuration(s) {string.Join(", ", unknown)}; BENCH_ONLY takes {string.Join(", ", Names)}.");
    }
}
