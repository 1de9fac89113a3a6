namespace ControlCenter.Contracts;

/// <summary>Provider and state names in one place, never repeated as literals.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider every persisted grain uses.</summary>
    public const string GrainStore = "city";

    public const string SensorState = "sensor";
    public const string LotState = "lot";
    public const string JunctionState = "junction";
    public const string ZoneState = "zone";
    public const string CityState = "city";
    public const string AlertState = "alert";
    public const string AlertBookState = "alertbook";
    public const string ThresholdsState = "thresholds";
    public const string LotDeskState = "lotdesk";
    public const string ParkingSessionState = "parkingsession";
    public const string PlateState = "plate";
    public const string WebhookDirectoryState = "webhooks";
    public const string WebhookOutboxState = "webhookoutbox";
    public const string ServiceKpiState = "servicekpi";
    public const string DrillState = "drill";
    public const string UserPreferencesState = "userpreferences";
}
