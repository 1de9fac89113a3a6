using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Egov;

/// <summary>The e-government figures' persisted state. Fields are added with new ids, never renumbered.</summary>
[GenerateSerializer]
public sealed record ServiceKpiState
{
    /// <summary>One row per department and month, ordered by department then month.</summary>
    [Id(0)] public List<ServiceKpiRow> Rows { get; init; } = [];
    [Id(1)] public long Version { get; init; }
    /// <summary>
    /// What each department's open on-time alert was last raised with (month, rate, target, severity): a raise goes
    /// to the alert book only when that changes, so an import that changes nothing about a department adds nothing.
    /// </summary>
    [Id(2)] public Dictionary<string, string> Raised { get; init; } = [];
    /// <summary>The last signal number given out (the book skips numbers it has applied).</summary>
    [Id(3)] public long LastSignal { get; init; }
    /// <summary>Signals written but not yet applied by the book: sent again until it takes them.</summary>
    [Id(4)] public List<AlertSignal> Unsent { get; init; } = [];
}
