namespace ControlCenter.Bench.Suite;

/// <summary>Where the built programs are and where a run keeps its catalogues, databases and logs.</summary>
public sealed record BenchPaths(string Repository, string WorkDirectory)
{
    public string HostProjectDirectory => Path.Combine(Repository, "src", "ControlCenter.Host");
    public string HostDll => Path.Combine(HostProjectDirectory, "bin", "Release", "net10.0", "ControlCenter.Host.dll");
    /// <summary>The product with a baseline's reading sink (Bench:Mode raw or grain-ceiling); the product has no such modes.</summary>
    public string BenchHostDll => Path.Combine(Repository, "bench", "ControlCenter.Bench.Host", "bin", "Release", "net10.0", "ControlCenter.Bench.Host.dll");
    public string SimulatorDll => Path.Combine(Repository, "src", "ControlCenter.Simulator", "bin", "Release", "net10.0", "ControlCenter.Simulator.dll");
    public string ShippedCatalog => Path.Combine(HostProjectDirectory, "Catalog", "hanoi.json");
    public string BenchmarksDoc => Path.Combine(Repository, "docs", "benchmarks.md");
}
