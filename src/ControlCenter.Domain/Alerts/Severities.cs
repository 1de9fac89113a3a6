namespace ControlCenter.Domain.Alerts;

/// <summary>The contract's severities, most severe first, and the domains an alert can name.</summary>
public static class Severities
{
    public const string Critical = "critical";
    public const string Major = "major";
    public const string Minor = "minor";
    public const string Warning = "warning";
    public const string Info = "info";

    public static readonly IReadOnlyList<string> All = [Critical, Major, Minor, Warning, Info];

    /// <summary>Higher is more severe: critical 5 … info 1; 0 for anything else.</summary>
    public static int Rank(string? severity) => severity switch
    {
        Critical => 5, Major => 4, Minor => 3, Warning => 2, Info => 1, _ => 0,
    };

    public static bool IsValid(string? severity) => Rank(severity) > 0;
}

public static class AlertDomains
{
    public const string Parking = "parking";
    public const string Air = "air";
    public const string Water = "water";
    public const string Rain = "rain";
    public const string Flood = "flood";
    public const string Traffic = "traffic";
    public const string SensorHealth = "sensor-health";
    public const string Tourism = "tourism";
    public const string Egov = "egov";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Parking, Air, Water, Rain, Flood, Traffic, SensorHealth, Tourism, Egov };
}
