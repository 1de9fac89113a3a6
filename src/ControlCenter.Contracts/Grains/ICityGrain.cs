using Orleans.Concurrency;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>The one city-wide summary behind the KPI tiles (key <c>city</c>).</summary>
public interface ICityGrain : IEntityGrain
{
    Task<KpiSnapshot> GetKpi();

    [OneWay]
    Task ZoneChanged(ZoneSummary zone);
}
