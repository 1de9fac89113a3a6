using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ControlCenter.Bench.Micro;

/// <summary>
/// <c>micro [--artifacts DIR] [BenchmarkDotNet filters…]</c>: the pure hot spots, in process (no generated project
/// to build, so the whole set takes about a minute), with short warm-up and iteration counts that suit a run of
/// <c>ops/bench</c>. For a careful study of one method, run it with BenchmarkDotNet's own options instead.
/// </summary>
public static class MicroCommand
{
    public static int Run(string[] args, string artifacts)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200));
        var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        var filters = args.Length == 0 ? ["*"] : args;
        var summary = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(["--filter", .. filters], config);
        return summary.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
