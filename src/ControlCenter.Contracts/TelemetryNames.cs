namespace ControlCenter.Contracts;

/// <summary>
/// The centre's one meter, shared by every part that counts (the readings log, the intake, the host), so that all
/// its instruments are exported together at <c>/metrics</c> and over OTLP.
/// </summary>
public static class TelemetryNames
{
    public const string Meter = "ControlCenter";
}
