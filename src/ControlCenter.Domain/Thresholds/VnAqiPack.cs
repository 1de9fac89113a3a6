namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// Vietnam's VN_AQI (Decision 1459/QĐ-TCMT, 12 Nov 2019): the index columns, each pollutant's breakpoint
/// concentrations (µg/m³) at those columns, and the category bands. Values come from thresholds.md.
/// </summary>
public sealed record VnAqiPack
{
    public const string PackId = "vn-aqi-1459-2019";

    public IReadOnlyList<double> IndexColumns { get; init; } = [0, 50, 100, 150, 200, 300, 400, 500];

    /// <summary>Breakpoints per pollutant at <see cref="IndexColumns"/>; shorter rows end where the standard ends.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Breakpoints { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>
        {
            ["o3"] = [0, 160, 200, 300, 400, 800, 1000, 1200],
            ["o3-8h"] = [0, 100, 120, 170, 210, 400],
            ["co"] = [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
            ["so2"] = [0, 125, 350, 550, 800, 1600, 2100, 2630],
            ["no2"] = [0, 100, 200, 700, 1200, 2350, 3100, 3850],
            ["pm10"] = [0, 50, 150, 250, 350, 420, 500, 600],
            ["pm25"] = [0, 25, 50, 80, 150, 250, 350, 500],
        };

    public IReadOnlyList<AqiCategory> Categories { get; init; } =
    [
        new(1, 0, 50, "Tốt", "Good", "rgb(0,228,0)"),
        new(2, 51, 100, "Trung bình", "Moderate", "rgb(255,255,0)"),
        new(3, 101, 150, "Kém", "Poor", "rgb(255,126,0)"),
        new(4, 151, 200, "Xấu", "Bad", "rgb(255,0,0)"),
        new(5, 201, 300, "Rất xấu", "Very bad", "rgb(143,63,151)"),
        new(6, 301, 500, "Nguy hại", "Hazardous", "rgb(126,0,35)"),
    ];

    /// <summary>NowCast weight floor: w = max(Cmin/Cmax, 0.5).</summary>
    public double NowCastMinWeight { get; init; } = 0.5;

    /// <summary>NowCast looks back this many hourly means.</summary>
    public int NowCastHours { get; init; } = 12;

    /// <summary>At least this many of the 3 most recent hours must have data.</summary>
    public int NowCastMinRecentHours { get; init; } = 2;
}
