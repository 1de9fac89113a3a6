using ControlCenter.Contracts.Messages;
using Orleans.Concurrency;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// The city's e-government service figures (one grain, key <see cref="CityKey"/>): every department's months,
/// imported all or nothing, and the on-time alert kept in step with the latest month of each department.
/// </summary>
public interface IServiceKpiGrain : IGrainWithStringKey
{
    public const string CityKey = "hanoi";

    /// <summary>
    /// Checks the rows again (the month against this silo's clock) and stores them all, replacing rows of the same
    /// department and month, or none of them if any is bad (then only the errors come back).
    /// </summary>
    Task<ServiceKpiImportResult> Import(IReadOnlyList<ServiceKpiRow> rows, string by);

    [ReadOnly]
    Task<ServiceKpiBook> Get();

    [ReadOnly]
    Task<long> Version();

    /// <summary>The latest month's city totals, for the KPI tiles.</summary>
    [ReadOnly]
    Task<ServiceKpiHeadline> Headline();

    /// <summary>Runs the on-time rule again (the targets changed) and hands the book whatever it must still be told.</summary>
    Task Reevaluate();
}
