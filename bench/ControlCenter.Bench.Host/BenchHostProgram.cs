using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ControlCenter.Bench.Host;

/// <summary>
/// The product's own entry point, unchanged; <see cref="BenchStartup"/> adds the baseline's sink while it builds.
/// Run from the host's project folder, as ops/run.sh runs the product, so that its settings and files are found.
/// </summary>
public static class BenchHostProgram
{
    public static void Main(string[] args)
    {
        var productMain = typeof(Program).Assembly.EntryPoint
            ?? throw new InvalidOperationException("ControlCenter.Host has no entry point.");
        try
        {
            productMain.Invoke(null, [args]);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
