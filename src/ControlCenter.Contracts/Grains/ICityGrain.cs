using Orleans.Concurrency;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>The one city-wide summary behind the KPI tiles (key <c>city</c>).</summary>
public interface ICityGrain : IEntityGrain
{
    Task<KpiSnapshot> GetKpi();

    [OneWay]
    Task ZoneChanged(ZoneSummary zone);

    /// <summary>New e-government figures were imported: their tiles change with the next flush.</summary>
    [OneWay]
    Task ServiceFiguresChanged(ServiceKpiHeadline headline);
}
