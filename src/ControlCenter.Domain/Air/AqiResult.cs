using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Air;

/// <summary>The hourly VN_AQI of a station, or why it could not be computed.</summary>
public sealed record AqiResult(
    int? Aqi, AqiCategory? Category, string? DominantPollutant, IReadOnlyDictionary<string, int> SubIndices, string? Unavailable)
{
    public static AqiResult NotAvailable(string reason) => new(null, null, null, new Dictionary<string, int>(), reason);
}
