using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace ControlCenter.Scenarios.Ingest;

/// <summary>
/// Sends readings in batches with the ingest key. A batch whose answer is lost or refused for a passing reason
/// (no connection, 5xx, 429) is sent again unchanged (<see cref="IngestRetries"/>): the control centre counts
/// repeats of (sensorId, ts) as duplicates, so a retry never has a second effect.
/// </summary>
public sealed class IngestClient(HttpClient http, string key, IngestReport report)
{
    public const int BatchSize = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ResiliencePipeline<HttpResponseMessage> CatalogRetries = IngestRetries.Catalog();

    private readonly ResiliencePipeline<HttpResponseMessage> _batchRetries = IngestRetries.Batch(report);
    private readonly ResiliencePipeline<HttpResponseMessage> _preparedRetries = IngestRetries.Prepared(report);

    public IngestReport Report => report;

    /// <summary>The catalogue, waiting (up to <paramref name="patience"/>) for a control centre that is still starting.</summary>
    public async Task<Catalog> Catalog(CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        using var response = await Until(DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(2)), CatalogRetries, async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
            request.Headers.Add("X-Api-Key", key);   // a gateway reads the catalogue with its own key
            return await http.SendAsync(request, ct);
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Catalog>(Json, cancellationToken)
            ?? throw new InvalidOperationException("The control centre returned no catalogue.");
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
        HttpResponseMessage response;
        try
        {
            response = await _batchRetries.ExecuteAsync(
                async ct => await Post(JsonContent.Create(new { readings = batch }, options: Json), ct), cancellationToken);
        }
        catch (HttpRequestException)
        {
            report.AddFailedBatch();   // no answer, however often it was sent
            return;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
                report.Add((await response.Content.ReadFromJsonAsync<IngestResult>(Json, cancellationToken))!);
            else if (IngestRetries.IsPassing(response.StatusCode))
                report.AddFailedBatch();
            else
                throw new InvalidOperationException($"Ingest refused the batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
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
        using var response = await Until(DateTime.UtcNow + resendFor, _preparedRetries, async ct =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return await Post(content, ct);
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var result = (await response.Content.ReadFromJsonAsync<IngestResult>(Json, cancellationToken))!;
            report.Add(result);
            return result;
        }

        report.AddFailedBatch();
        throw new InvalidOperationException($"Ingest refused the batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private async Task<HttpResponseMessage> Post(HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readings") { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Runs <paramref name="send"/> through <paramref name="retries"/>, which try again until <paramref name="giveUpAt"/>.</summary>
    private static async Task<HttpResponseMessage> Until(
        DateTime giveUpAt, ResiliencePipeline<HttpResponseMessage> retries, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(IngestRetries.GiveUpAt, giveUpAt);
            return await retries.ExecuteAsync(async (ctx, _) => await send(ctx.CancellationToken), context, 0);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
