using System.Diagnostics.Metrics;

namespace ControlCenter.Host.Egov;

/// <summary>
/// What the e-government import took and refused: instruments on the <c>ControlCenter.Egov</c> meter, exported at
/// <c>/metrics</c> with the centre's own. Bad input is always counted.
/// </summary>
public sealed class EgovMetrics
{
    public const string MeterName = "ControlCenter.Egov";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _refused;

    public EgovMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rows = meter.CreateCounter<long>("controlcenter.egov.rows_imported", "{row}", "Rows of e-government figures stored");
        _rejected = meter.CreateCounter<long>("controlcenter.egov.row_errors", "{error}", "Errors found in refused imports, by code");
        _refused = meter.CreateCounter<long>("controlcenter.egov.imports_refused", "{request}", "Imports refused as a whole, by HTTP status");
    }

    /// <summary>The rows series from the start (0), as before: see <see cref="Hosting.TelemetryBaseline"/>.</summary>
    internal void Baseline() => _rows.Add(0);

    public void Imported(int rows) => _rows.Add(rows);

    public void Refused(int status, IEnumerable<string> errorCodes)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("status", status));
        foreach (var code in errorCodes) _rejected.Add(1, new KeyValuePair<string, object?>("code", code));
    }
}
