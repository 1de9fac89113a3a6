using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ControlCenter.Host.Egov;

/// <summary>
/// What the e-government import took and refused: instruments on the <c>ControlCenter.Egov</c> meter (for an
/// OpenTelemetry exporter), and the same counts for <c>/metrics</c>. Bad input is always counted.
/// </summary>
public sealed class EgovMetrics
{
    public const string MeterName = "ControlCenter.Egov";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _refused;
    private long _rowsImported;

    public EgovMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rows = meter.CreateCounter<long>("controlcenter.egov.rows_imported", "{row}", "Rows of e-government figures stored");
        _rejected = meter.CreateCounter<long>("controlcenter.egov.row_errors", "{error}", "Errors found in refused imports, by code");
        _refused = meter.CreateCounter<long>("controlcenter.egov.imports_refused", "{request}", "Imports refused as a whole, by HTTP status");
    }

    public long RowsImported => Interlocked.Read(ref _rowsImported);

    public ConcurrentDictionary<string, long> RowErrorsByCode { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<int, long> RefusedByStatus { get; } = new();

    public void Imported(int rows)
    {
        Interlocked.Add(ref _rowsImported, rows);
        _rows.Add(rows);
    }

    public void Refused(int status, IEnumerable<string> errorCodes)
    {
        RefusedByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        _refused.Add(1, new KeyValuePair<string, object?>("status", status));
        foreach (var code in errorCodes)
        {
            RowErrorsByCode.AddOrUpdate(code, 1, (_, n) => n + 1);
            _rejected.Add(1, new KeyValuePair<string, object?>("code", code));
        }
    }
}
