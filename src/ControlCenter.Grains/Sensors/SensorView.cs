using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Sensors;

/// <summary>A sensor's derived figures, its status, and the numbers it reports upward.</summary>
public sealed record SensorView(
    IReadOnlyDictionary<string, object?> Derived, EntityStatus Status, IReadOnlyDictionary<string, double> Figures);
