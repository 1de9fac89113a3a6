using ControlCenter.Contracts.Storage;
using ControlCenter.Grains.Sensors;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Applies a parsed batch through the reading intake (log first, then the sensor grains) and counts the answer.
/// When the log cannot append, the whole request is refused with 503 and nothing of it reached a grain, the feed
/// or the rules: the gateway's resend is applied as if it were the first.
/// </summary>
public sealed class IngestService(ReadingIntake intake, TimeProvider time, IngestMetrics metrics) : IReadingSink
{
    /// <summary>How long a gateway is asked to wait before resending after the log failed.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken)
    {
        var readings = batch.Valid.Select(v => v.Reading).ToArray();
        // The span that ties a request (HTTP or MQTT) to its log append and the sensor grains' calls.
        using var activity = CityTelemetry.Source.StartActivity("ingest batch");
        activity?.SetTag("controlcenter.readings", readings.Length);
        bool[] appended;
        try
        {
            appended = readings.Length == 0 ? [] : await intake.Take(readings, time.GetUtcNow(), cancellationToken);
        }
        catch (ReadingLogUnavailableException ex)
        {
            throw new BatchProblemException(StatusCodes.Status503ServiceUnavailable, "Readings not stored",
                $"{ex.Message} Resend the whole batch after {RetryAfterSeconds} s.") { RetryAfterSeconds = RetryAfterSeconds };
        }

        var accepted = appended.Count(a => a);
        var response = new IngestResponse(accepted, appended.Length - accepted, batch.Rejected);
        metrics.Count(response);
        activity?.SetTag("controlcenter.readings.accepted", accepted);
        return response;
    }
}
