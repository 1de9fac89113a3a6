using System.Text.Json;
using ControlCenter.Domain.Readings;
using ControlCenter.Host.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ControlCenter.Host.Ingest;

/// <summary><c>POST /api/v1/readings</c>: the ingest contract over HTTP.</summary>
public static class IngestEndpoint
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string KeyHeader = "X-Api-Key";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    private static readonly string Description =
        $"Send the key in `{KeyHeader}` and the batch as `application/json` (parameters such as charset are fine; `+json` types are not). "
        + $"A batch holds 1 to {ReadingParser.MaxReadings} readings in at most {MaxBodyBytes / (1024 * 1024)} MiB of JSON nested at most {JsonOptions.MaxDepth} deep.\n\n"
        + "**202** is sent once the readings log has committed the accepted readings, so an acknowledged reading is durable. "
        + "`accepted` counts the readings stored; `duplicates` those already stored (a reading is its sensorId and its ts to the millisecond, "
        + "so resending after any failure is safe); `rejected` lists each refused reading by its index in the batch, with a code. "
        + "One bad reading never sinks the rest:\n\n"
        + $"- `{RejectionCodes.UnknownSensor}`: the id is not a valid id or not in the catalogue\n"
        + $"- `{RejectionCodes.RetiredSensor}`: the sensor is retired\n"
        + $"- `{RejectionCodes.UnknownMetric}`: the sensor does not report that metric\n"
        + $"- `{RejectionCodes.OutOfRange}`: not a finite number in the metric's plausible range\n"
        + $"- `{RejectionCodes.BadTimestamp}`: ts missing, without an offset, more than 5 minutes ahead or older than the retention window\n"
        + $"- `{RejectionCodes.InvalidReading}`: not an object with a sensorId string, a ts string and a non-empty values object of numbers\n\n"
        + "Whole-request refusals are problem details and apply nothing of the batch: 400 malformed JSON, not `{ \"readings\": [...] }` or no reading; "
        + $"401 no or an unknown `{KeyHeader}`; 403 a key scoped to zones or sensors names a sensor outside its scope; "
        + "413 too many readings or too large a body; 415 another content type; "
        + "429 the key is over its rate and 503 the log could not append or a silo of the cluster was unavailable, both with `Retry-After` (seconds): "
        + "resend the same batch after it.";

    public static RouteGroupBuilder MapIngest(this RouteGroupBuilder api)
    {
        api.MapGroup("/readings").WithTags("Ingest")
            .RequireAuthorization(IngestKeyAuthentication.Policy).RequireRateLimiting(IngestRateLimit.Policy)
            .MapPost("", Handle).WithName("IngestReadings")
            .WithSummary("Send a batch of sensor readings")
            .WithDescription(Description)
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DocumentBodyAndRetryAfter);
        return api;
    }

    /// <summary>
    /// Declares the body here rather than with <c>Accepts</c>: that metadata makes routing answer 415 itself, before
    /// the key is checked and without problem details or the refusal being counted.
    /// </summary>
    private static async Task DocumentBodyAndRetryAfter(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(IngestBatch), cancellationToken: cancellationToken) },
            },
        };
        foreach (var status in new[] { StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable })
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not OpenApiResponse response) continue;
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
            {
                Description = "Seconds to wait before resending the same batch.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
    }

    private static async Task<Results<JsonHttpResult<IngestResponse>, ProblemHttpResult>> Handle(
        HttpContext http, IngestKeyRing keys, ReadingParser parser, IReadingSink ingest, IngestMetrics metrics)
    {
        try
        {
            var key = keys.Find(http.Request.Headers[KeyHeader].ToString())
                ?? throw new BatchProblemException(StatusCodes.Status401Unauthorized, "Missing or unknown ingest key", $"Send a valid key in the {KeyHeader} header.");
            if (!IsPlainJson(http.Request.ContentType))
                throw new BatchProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the batch as application/json.");
            using var document = await ReadJson(http);
            var batch = parser.Parse(document.RootElement, key);
            var response = await ingest.Apply(batch, http.RequestAborted);
            return TypedResults.Json(response, statusCode: StatusCodes.Status202Accepted);
        }
        catch (BatchProblemException problem)
        {
            metrics.CountRefused(problem.Status);
            if (problem.RetryAfterSeconds is { } wait) http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(problem.Status, problem.Title, problem.Message);
        }
    }

    private static async Task<JsonDocument> ReadJson(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes) throw TooLarge();
        // Also caps bodies sent without a length (chunked): the server stops reading past the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }

        if (buffer.Length > MaxBodyBytes) throw TooLarge();
        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }
    }

    /// <summary>Exactly application/json (any parameters, e.g. charset): not the many "+json" types.</summary>
    private static bool IsPlainJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private static BatchProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A batch may be at most {MaxBodyBytes} bytes.");
}
