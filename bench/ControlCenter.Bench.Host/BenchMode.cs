namespace ControlCenter.Bench.Host;

/// <summary>
/// What the ingest endpoint does with a parsed batch, so that <c>ops/bench</c> can compare the product against two
/// baselines over the same HTTP path, parser and batches. Read from <c>Bench:Mode</c>.
/// </summary>
public enum BenchMode
{
    /// <summary>Parse and validate, then discard: the ceiling of HTTP + JSON alone.</summary>
    Raw = 1,
    /// <summary>Each sensor's readings go to a grain that only keeps them in memory: the ceiling of HTTP + JSON + Orleans.</summary>
    GrainCeiling,
}
