namespace ControlCenter.Scenarios;

/// <summary>
/// What happens to some sensors between two scenario minutes: metrics set along a straight line from
/// <c>start</c> to <c>end</c>, amounts accumulated at a rate per city hour (rain), or silence.
/// </summary>
public sealed record ScenarioEffect(
    double From, double To,
    IReadOnlyList<string>? Sensors = null, string? Kind = null, IReadOnlyList<string>? Zones = null,
    IReadOnlyDictionary<string, Ramp>? Values = null, IReadOnlyDictionary<string, Ramp>? Rates = null, bool Silent = false);

/// <summary>A value moving in a straight line over an effect's span.</summary>
public sealed record Ramp(double Start, double End)
{
    public double At(double fraction) => Start + (End - Start) * Math.Clamp(fraction, 0, 1);
}
