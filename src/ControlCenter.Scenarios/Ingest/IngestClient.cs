using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ControlCenter.Scenarios.Ingest;

/// <summary>
/// Sends readings in batches with the ingest key. A batch whose answer is lost or refused for a passing reason
/// (no connection, 5xx, 429) is sent again unchanged: the control centre counts repeats of (sensorId, ts) as
/// duplicates, so a retry never has a second effect.
/// </summary>
public sealed class IngestClient(HttpClient http, string key, IngestReport report)
{
    public const int BatchSize = 500;
    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IngestReport Report => report;

    /// <summary>The catalogue, waiting (up to <paramref name="patience"/>) for a control centre that is still starting.</summary>
    public async Task<Catalog> Catalog(CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
                request.Headers.Add("X-Api-Key", key);   // a gateway reads the catalogue with its own key
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<Catalog>(Json, cancellationToken)
                    ?? throw new InvalidOperationException("The control centre returned no catalogue.");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>Whether the centre is running a drill (then the normal day pauses, so the drill is the only feed).</summary>
    public async Task<string?> ActiveDrill(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/drills/active");
            request.Headers.Add("X-Api-Key", key);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken)).GetProperty("name").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task Send(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        foreach (var batch in readings.Chunk(BatchSize)) await SendBatch(batch, cancellationToken);
    }

    private async Task SendBatch(Reading[] batch, CancellationToken cancellationToken)
    {
        report.AddSent(batch.Length);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readings") { Content = JsonContent.Create(new { readings = batch }, options: Json) };
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    report.Add((await response.Content.ReadFromJsonAsync<IngestResult>(Json, cancellationToken))!);
                    return;
                }
                else if (!IsPassing(response.StatusCode))
                {
                    throw new InvalidOperationException($"Ingest refused the batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                // The answer was lost: resend the same batch.
            }
            catch (HttpRequestException)
            {
                report.AddFailedBatch();
                return;
            }

            if (attempt >= Attempts)
            {
                report.AddFailedBatch();
                return;
            }

            report.AddRetry();
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }

    /// <summary>
    /// Sends a body already written as the contract's JSON (the load generator writes its batches itself, so its
    /// own serialisation does not compete with the centre for CPU). Counts the answer; a refused request throws.
    /// With <paramref name="resendFor"/> the same body is sent again while the centre gives no answer (connection
    /// lost, 5xx, 429), as a gateway must: the log's (sensorId, ts) key makes a resend of anything it stored a duplicate.
    /// </summary>
    public async Task<IngestResult> SendPrepared(ReadOnlyMemory<byte> body, int readings, CancellationToken cancellationToken, TimeSpan resendFor = default)
    {
        report.AddSent(readings);
        var giveUp = DateTime.UtcNow + resendFor;
        while (true)
        {
            HttpStatusCode status;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readings") { Content = new ReadOnlyMemoryContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request, cancellationToken);
                status = response.StatusCode;
                if (status == HttpStatusCode.Accepted)
                {
                    var result = (await response.Content.ReadFromJsonAsync<IngestResult>(Json, cancellationToken))!;
                    report.Add(result);
                    return result;
                }

                if (!IsPassing(status) || DateTime.UtcNow >= giveUp)
                {
                    report.AddFailedBatch();
                    throw new InvalidOperationException($"Ingest refused the batch: {(int)status} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < giveUp)
            {
                // No answer: the centre may have stored the batch or not. Send it again.
            }

            report.AddRetry();
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static bool IsPassing(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
}
