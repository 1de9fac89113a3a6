namespace ControlCenter.Host.Bench;

/// <summary>
/// BENCHMARK ONLY. <c>Bench:Mode</c> selects what the ingest endpoint does with a parsed batch, so that
/// <c>ops/bench</c> can compare the product against two baselines over the same HTTP path, parser and batches.
/// Unset (the default, and the only setting a deployment should use) means <see cref="Full"/>.
/// </summary>
public enum BenchMode
{
    /// <summary>The product: sensor grains, rules, history, live feed.</summary>
    Full,
    /// <summary>Parse and validate, then discard: the ceiling of HTTP + JSON alone.</summary>
    Raw,
    /// <summary>Each sensor's readings go to a grain that only keeps them in memory: the ceiling of HTTP + JSON + Orleans.</summary>
    GrainCeiling,
}
