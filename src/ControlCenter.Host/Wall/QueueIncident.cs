using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Wall;

/// <summary>
/// Open alerts that belong together: the ones a cross-domain alert groups, the alerts grouping any of those, and
/// so on. The queue shows the <see cref="Lead"/> (the most severe) and folds the <see cref="Members"/> under it.
/// </summary>
public sealed record QueueIncident(Alert Lead, IReadOnlyList<Alert> Members)
{
    /// <summary>How many alerts the incident holds, its lead included.</summary>
    public int AlertCount => 1 + Members.Count;

    /// <summary>Where the incident is (its lead's zone); null for a city-wide one.</summary>
    public string? ZoneId => Lead.ZoneId;

    /// <summary>Every alert of the incident, the lead first.</summary>
    public IEnumerable<Alert> Alerts => Members.Prepend(Lead);
}
