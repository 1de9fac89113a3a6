namespace ControlCenter.Bench.Suite;

/// <summary>Replaces one marked block of docs/benchmarks.md (the prose around it is written by people and kept).</summary>
public static class BenchmarksDoc
{
    /// <summary>What a marked block holds now (null when the file or the block is missing).</summary>
    public static string? Read(string path, string block)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = $"<!-- {block}:start -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf($"<!-- {block}:end -->", StringComparison.Ordinal);
        return from >= 0 && to > from ? text[(from + start.Length)..to] : null;
    }

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
