using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Air;

/// <summary>Sub-indices and the station's hourly VN_AQI from a <see cref="VnAqiPack"/>.</summary>
public sealed class VnAqi(VnAqiPack pack)
{
    private static readonly string[] ParticleMetrics = ["pm25", "pm10"];
    private static readonly string[] GasMetrics = ["o3", "co", "so2", "no2"];

    /// <summary>Every pollutant the hourly index reads: a pack must give breakpoints for each.</summary>
    public static readonly IReadOnlyList<string> Pollutants = [.. ParticleMetrics, .. GasMetrics];

    /// <summary>
    /// The sub-index I = (I_hi − I_lo)/(BP_hi − BP_lo)·(C − BP_lo) + I_lo, before rounding; concentrations past
    /// the last breakpoint are held at that column's index.
    /// </summary>
    public double SubIndex(string pollutant, double concentration)
    {
        if (!pack.Breakpoints.TryGetValue(pollutant, out var bp))
            throw new ArgumentException($"No VN_AQI breakpoints for '{pollutant}'.", nameof(pollutant));
        if (concentration <= 0) return 0;
        for (var i = 1; i < bp.Count; i++)
        {
            if (concentration <= bp[i])
            {
                var (iLo, iHi) = (pack.IndexColumns[i - 1], pack.IndexColumns[i]);
                return (iHi - iLo) / (bp[i] - bp[i - 1]) * (concentration - bp[i - 1]) + iLo;
            }
        }

        return pack.IndexColumns[bp.Count - 1];
    }

    /// <summary>The category band an integer AQI falls in.</summary>
    public AqiCategory CategoryOf(int aqi) =>
        pack.Categories.FirstOrDefault(c => aqi <= c.MaxAqi) ?? pack.Categories[^1];

    /// <summary>
    /// The hourly station AQI: PM by NowCast of the hourly means, gases by their latest hourly mean, the
    /// station value the largest sub-index. At least one of PM2.5 or PM10 must have a NowCast.
    /// </summary>
    /// <param name="hourlyMeans">Per pollutant, hourly means latest first (null for an hour without data).</param>
    public AqiResult Hourly(IReadOnlyDictionary<string, IReadOnlyList<double?>> hourlyMeans)
    {
        var subIndices = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pm in ParticleMetrics)
        {
            if (!hourlyMeans.TryGetValue(pm, out var series)) continue;
            var nowCast = NowCast.Compute(series, pack.NowCastHours, pack.NowCastMinWeight, pack.NowCastMinRecentHours);
            if (nowCast is { } c) subIndices[pm] = Round(SubIndex(pm, c));
        }

        if (subIndices.Count == 0)
            return AqiResult.NotAvailable("VN_AQI needs PM2.5 or PM10 in at least 2 of the last 3 hours.");

        foreach (var gas in GasMetrics)
        {
            if (hourlyMeans.TryGetValue(gas, out var series) && series.Count > 0 && series[0] is { } c)
                subIndices[gas] = Round(SubIndex(gas, c));
        }

        var dominant = subIndices.MaxBy(kv => kv.Value);
        return new AqiResult(dominant.Value, CategoryOf(dominant.Value), dominant.Key, subIndices, null);
    }

    private static int Round(double index) => (int)Math.Round(index, MidpointRounding.AwayFromZero);
}
