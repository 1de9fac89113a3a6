namespace ControlCenter.Domain;

/// <summary>The city's own time (Asia/Ho_Chi_Minh, UTC+7): how the wall shows times and how tariffs read the hour.</summary>
public static class CityTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);
}
