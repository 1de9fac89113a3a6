using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Aggregates;

/// <summary>What a lot or junction computes from its sensors.</summary>
public sealed record AggregateView(
    EntityStatus Status, Dictionary<string, object?> Derived, Dictionary<string, double> Figures, SensorHealthCounts Health, DateTimeOffset? Ts);
