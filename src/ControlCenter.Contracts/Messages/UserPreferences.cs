namespace ControlCenter.Contracts.Messages;

/// <summary>What a person chose for their wall; a person who never chose anything gets the defaults.</summary>
[GenerateSerializer, Immutable]
public sealed record UserPreferences
{
    /// <summary>A sound and a browser notification for each new critical alert. Opt-in: a wall that rings by itself is soon muted.</summary>
    [Id(0)] public bool CriticalAlertAlarm { get; init; }
}
