namespace ControlCenter.Domain.Egov;

/// <summary>
/// Counts that add up across departments (a city total is the sum of its departments'), and the shares the
/// programme reports, as percentages rounded to two decimals so that what is shown is what is compared.
/// </summary>
public sealed record KpiFigures(
    long ProceduresInForce, long ApplicationsReceived, long Settled, long SettledOnTime, long Overdue, long OnlineLevel3, long OnlineLevel4)
{
    public static KpiFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>settledOnTime / settled; null when nothing was settled.</summary>
    public double? OnTimePct => Pct(SettledOnTime, Settled);

    /// <summary>(level 3 + level 4) / procedures in force; null when there are none.</summary>
    public double? OnlinePct => Pct(OnlineLevel3 + OnlineLevel4, ProceduresInForce);

    public double? Level4Pct => Pct(OnlineLevel4, ProceduresInForce);

    public static KpiFigures operator +(KpiFigures a, KpiFigures b) => new(
        a.ProceduresInForce + b.ProceduresInForce, a.ApplicationsReceived + b.ApplicationsReceived, a.Settled + b.Settled,
        a.SettledOnTime + b.SettledOnTime, a.Overdue + b.Overdue, a.OnlineLevel3 + b.OnlineLevel3, a.OnlineLevel4 + b.OnlineLevel4);

    public static KpiFigures Sum(IEnumerable<KpiFigures> figures) => figures.Aggregate(Zero, (total, f) => total + f);

    public static double? Pct(long part, long whole) =>
        whole <= 0 ? null : Math.Round(100.0 * part / whole, 2, MidpointRounding.AwayFromZero);
}
