namespace ControlCenter.Grains.People;

/// <summary>A person's stored wall settings. Fields are added with new ids, never renumbered.</summary>
[GenerateSerializer]
public sealed record UserPreferencesState
{
    [Id(0)] public bool CriticalAlertAlarm { get; init; }
}
