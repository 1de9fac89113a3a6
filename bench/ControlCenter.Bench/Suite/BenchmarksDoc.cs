namespace ControlCenter.Bench.Suite;

/// <summary>Replaces one marked block of docs/benchmarks.md (the prose around it is written by people and kept).</summary>
public static class BenchmarksDoc
{
    public static void Replace(string path, string block, string content)
    {
        var start = $"<!-- {block}:start -->";
        var end = $"<!-- {block}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        var replacement = $"{start}\n{content.TrimEnd()}\n{end}";
        text = from >= 0 && to > from
            ? string.Concat(text.AsSpan(0, from), replacement, text.AsSpan(to + end.Length))
            : $"{text.TrimEnd()}\n\n{replacement}\n";
        File.WriteAllText(path, text);
    }
}
