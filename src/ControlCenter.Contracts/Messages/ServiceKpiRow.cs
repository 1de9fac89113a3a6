using ControlCenter.Domain.Egov;

namespace ControlCenter.Contracts.Messages;

/// <summary>
/// One department's e-government figures for one month (docs/egov.md), with when and by whom it was imported
/// (set by the grain). The grain keeps one row per department and month; an import of the same pair replaces it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceKpiRow
{
    [Id(0)] public required string Department { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string NameEn { get; init; }
    /// <summary><c>yyyy-MM</c>.</summary>
    [Id(3)] public required string Month { get; init; }
    [Id(4)] public long ProceduresInForce { get; init; }
    [Id(5)] public long ApplicationsReceived { get; init; }
    [Id(6)] public long Settled { get; init; }
    [Id(7)] public long SettledOnTime { get; init; }
    [Id(8)] public long Overdue { get; init; }
    [Id(9)] public long OnlineLevel3 { get; init; }
    [Id(10)] public long OnlineLevel4 { get; init; }
    [Id(11)] public DateTimeOffset? ImportedAt { get; init; }
    [Id(12)] public string? ImportedBy { get; init; }

    public ServiceFigures ToFigures() => new(
        Department, Name, NameEn, Month, ProceduresInForce, ApplicationsReceived, Settled, SettledOnTime, Overdue, OnlineLevel3, OnlineLevel4);

    public static ServiceKpiRow From(ServiceFigures f) => new()
    {
        Department = f.Department, Name = f.Name, NameEn = f.NameEn, Month = f.Month,
        ProceduresInForce = f.ProceduresInForce, ApplicationsReceived = f.ApplicationsReceived, Settled = f.Settled,
        SettledOnTime = f.SettledOnTime, Overdue = f.Overdue, OnlineLevel3 = f.OnlineLevel3, OnlineLevel4 = f.OnlineLevel4,
    };
}

/// <summary>Every row the city holds, and the version each accepted import bumps (the wall's cue to redraw).</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceKpiBook([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<ServiceKpiRow> Rows);

/// <summary>What an import did: rows added and replaced and the version after it; or, if any row was bad, only the errors.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceKpiImportResult(
    [property: Id(0)] int Added, [property: Id(1)] int Replaced, [property: Id(2)] long Version, [property: Id(3)] IReadOnlyList<ServiceKpiRowError> Errors);

[GenerateSerializer, Immutable]
public sealed record ServiceKpiRowError([property: Id(0)] int Line, [property: Id(1)] string Field, [property: Id(2)] string Code, [property: Id(3)] string Reason);

/// <summary>
/// The city's totals for the latest month on record, as the KPI tiles show them (version = the figures' version;
/// month null while nothing was imported).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceKpiHeadline(
    [property: Id(0)] long Version, [property: Id(1)] string? Month, [property: Id(2)] long ProceduresInForce, [property: Id(3)] long Settled,
    [property: Id(4)] long SettledOnTime, [property: Id(5)] long Overdue, [property: Id(6)] long OnlineLevel3, [property: Id(7)] long OnlineLevel4)
{
    public static readonly ServiceKpiHeadline None = new(0, null, 0, 0, 0, 0, 0, 0);
}
