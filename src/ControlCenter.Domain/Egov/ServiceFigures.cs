namespace ControlCenter.Domain.Egov;

/// <summary>
/// One department's administrative-procedure figures for one month, as the city's one-stop system reports them.
/// <see cref="Overdue"/> counts open applications past their due date at month end; <see cref="OnlineLevel3"/> and
/// <see cref="OnlineLevel4"/> count procedures offered online at level 3 and level 4.
/// </summary>
public sealed record ServiceFigures(
    string Department, string Name, string NameEn, string Month,
    long ProceduresInForce, long ApplicationsReceived, long Settled, long SettledOnTime, long Overdue, long OnlineLevel3, long OnlineLevel4)
{
    /// <summary>The row's identity: importing the same department and month again replaces it.</summary>
    public (string Department, string Month) Key => (Department, Month);

    public KpiFigures Figures => new(ProceduresInForce, ApplicationsReceived, Settled, SettledOnTime, Overdue, OnlineLevel3, OnlineLevel4);
}
