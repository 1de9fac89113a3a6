using ControlCenter.Domain.Derived;

namespace ControlCenter.Domain.Alerts;

/// <summary>One entity as its zone last heard of it: status, latest reading time and key figures.</summary>
public sealed record ObservedEntity(
    string EntityId, string Kind, EntityStatus Status, DateTimeOffset? Ts, IReadOnlyDictionary<string, double> Figures)
{
    /// <summary>Stale or offline (or never heard from): what it says can neither raise nor clear an alert.</summary>
    public bool IsSilent => Ts is null || Status is EntityStatus.Stale or EntityStatus.Offline;

    public double? Figure(string name) => Figures.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A sensor of the zone that has gone stale or offline, and since when.</summary>
public sealed record SilentSensor(string SensorId, HealthState Health, DateTimeOffset Since);

/// <summary>Everything a zone's rules read at one evaluation.</summary>
public sealed record ZoneObservation(
    string ZoneId, DateTimeOffset Now, IReadOnlyList<ObservedEntity> Members, IReadOnlyList<SilentSensor> Silent)
{
    public IEnumerable<ObservedEntity> OfKind(string kind) => Members.Where(m => m.Kind == kind);
}
