namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// The US EPA AQI for particles (the 2024 revision of PM2.5), for cities that report it; thresholds.md.
/// Each row holds the concentration (µg/m³) at the top of each band, so a band runs from just above the previous top.
/// </summary>
public sealed record UsAqiPack
{
    public const string PackId = "us-epa-aqi-2024";

    public IReadOnlyList<double> IndexColumns { get; init; } = [0, 50, 100, 150, 200, 300, 500];

    public IReadOnlyDictionary<string, IReadOnlyList<double>> Breakpoints { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>
        {
            ["pm25"] = [0, 9.0, 35.4, 55.4, 125.4, 225.4, 325.4],
            ["pm10"] = [0, 54, 154, 254, 354, 424, 604],
        };

    /// <summary>
    /// The EPA's table form: the band holding the truncated concentration maps linearly onto its index range
    /// (I_lo is the previous top + 1, C_lo the previous top + one step of the table's precision).
    /// </summary>
    public int? Index(string pollutant, double concentration)
    {
        if (!Breakpoints.TryGetValue(pollutant, out var tops) || concentration < 0) return null;
        var step = pollutant == "pm25" ? 0.1 : 1.0;
        var c = Math.Floor(concentration / step + 1e-9) * step;
        for (var i = 1; i < tops.Count; i++)
        {
            if (c > tops[i] + 1e-9) continue;
            var (cLo, iLo) = i == 1 ? (0.0, 0.0) : (tops[i - 1] + step, IndexColumns[i - 1] + 1);
            return (int)Math.Round((IndexColumns[i] - iLo) / (tops[i] - cLo) * (c - cLo) + iLo, MidpointRounding.AwayFromZero);
        }

        return null;
    }
}
