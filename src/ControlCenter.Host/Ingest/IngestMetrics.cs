using System.Diagnostics.Metrics;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Ingest;

/// <summary>What ingest accepted and refused, as instruments of the centre's meter: bad input is always counted.</summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _refused;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CityTelemetry.MeterName);
        _accepted = meter.CreateCounter<long>("controlcenter.readings.accepted", "{reading}", "Readings appended to the log and applied");
        _duplicates = meter.CreateCounter<long>("controlcenter.readings.duplicate", "{reading}", "Readings the log already held");
        _rejected = meter.CreateCounter<long>("controlcenter.readings.rejected", "{reading}", "Readings refused one by one, by code");
        _refused = meter.CreateCounter<long>("controlcenter.ingest.requests_refused", "{request}", "Ingest requests refused as a whole, by HTTP status");
    }

    /// <summary>The series without a label from the start (0), as before: see <see cref="Hosting.TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        _accepted.Add(0);
        _duplicates.Add(0);
    }

    public void Count(IngestResponse response)
    {
        _accepted.Add(response.Accepted);
        _duplicates.Add(response.Duplicates);
        foreach (var r in response.Rejected) _rejected.Add(1, new KeyValuePair<string, object?>("code", r.Code));
    }

    public void CountRefused(int status) => _refused.Add(1, new KeyValuePair<string, object?>("status", status));
}
