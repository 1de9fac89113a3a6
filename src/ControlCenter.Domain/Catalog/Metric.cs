namespace ControlCenter.Domain.Catalog;

/// <summary>
/// One metric of the contract with its unit and the physically plausible range a reading must fall in.
/// The range is a sanity bound for ingest ("out-of-range"), not an alert threshold.
/// </summary>
public sealed record Metric(string Name, string Unit, double Min, double Max, bool WholeNumber = false)
{
    public bool Accepts(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!WholeNumber || Math.Floor(value) == value);
}
