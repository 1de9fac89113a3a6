using System.Diagnostics;

namespace ControlCenter.Bench.Suite;

/// <summary>What a reader needs to compare figures: when, on what machine, which commit, with which command and windows.</summary>
public static class RunHeader
{
    /// <remarks>"With local changes" means changes beside this file's own result blocks, which the run itself writes.</remarks>
    public static string Describe(string repository, int window, int warmup, TimeSpan took, BenchSelection only, string loadBefore)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim() : "unknown";
        return $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · machine: {cpu}, {Environment.ProcessorCount} cores, {memory} RAM · "
            + $"commit `{Git(repository, "rev-parse --short HEAD")}`{(Git(repository, "status --porcelain --untracked-files=no -- . :!docs/benchmarks.md").Length > 0 ? " (with local changes)" : "")} · "
            + $"command `{(only.IsEverything ? "" : $"BENCH_ONLY={only.Text} ")}ops/bench` · windows: {warmup} s warm-up + {window} s measured per figure · took {took.TotalMinutes:0.0} min · "
            + $"load average before the run {loadBefore}, at its end {LoadAverage()}";
    }

    /// <summary>
    /// The 1- and 5-minute load averages. The machine is shared: before the run they are other people's work; at the
    /// end, the benchmark's own plus theirs.
    /// </summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(2)) : "unknown";

    private static string Git(string repository, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C {repository} {arguments}") { RedirectStandardOutput = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
