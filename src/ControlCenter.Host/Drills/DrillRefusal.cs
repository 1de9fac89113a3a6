namespace ControlCenter.Host.Drills;

/// <summary>Why a drill was not started, and what to tell the operator.</summary>
public sealed record DrillRefusal(DrillRefusalKind Kind, string Message);

public enum DrillRefusalKind
{
    DrillsOff,
    NoSuchScenario,
    SpeedOutOfRange,
    AnotherIsRunning,
}
