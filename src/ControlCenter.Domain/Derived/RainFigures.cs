using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>Rain fallen over 30 min, 1 h and 3 h windows ending at a moment, and the 1 h intensity class.</summary>
public sealed record RainFigures(double Last30MinMm, double Last1hMm, double Last3hMm, string Intensity)
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(3);

    /// <param name="falls">Each reading's time and the rain it reports (fallen since the previous reading).</param>
    public static RainFigures Compute(IEnumerable<(DateTimeOffset Ts, double Mm)> falls, DateTimeOffset end, RainPack pack)
    {
        double m30 = 0, h1 = 0, h3 = 0;
        foreach (var (ts, mm) in falls)
        {
            var age = end - ts;
            if (age < TimeSpan.Zero || age >= LongestWindow) continue;
            h3 += mm;
            if (age < TimeSpan.FromHours(1)) h1 += mm;
            if (age < TimeSpan.FromMinutes(30)) m30 += mm;
        }

        return new RainFigures(Math.Round(m30, 2), Math.Round(h1, 2), Math.Round(h3, 2), IntensityOf(h1, pack));
    }

    public static string IntensityOf(double mmPerHour, RainPack pack) =>
        mmPerHour > pack.ViolentMmPerHour ? "violent"
        : mmPerHour >= pack.HeavyMmPerHour ? "heavy"
        : mmPerHour >= pack.ModerateMmPerHour ? "moderate"
        : mmPerHour > 0 ? "light"
        : "none";

    public EntityStatus Status(RainPack pack) =>
        Last1hMm > pack.ViolentMmPerHour || Last3hMm > pack.Warning3hMm ? EntityStatus.Alert
        : Last1hMm >= pack.HeavyMmPerHour ? EntityStatus.Warning
        : EntityStatus.Ok;
}
