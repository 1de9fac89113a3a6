using System.Globalization;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>NGSI-LD and the Smart Data Models want ISO 8601 in UTC; fractions of a second only when there are some.</summary>
public static class NgsiLdTime
{
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
