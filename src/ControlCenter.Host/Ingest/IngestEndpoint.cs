using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ControlCenter.Host.Ingest;

/// <summary><c>POST /api/v1/readings</c>: the ingest contract over HTTP.</summary>
public static class IngestEndpoint
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string KeyHeader = "X-Api-Key";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/readings", Handle).WithName("IngestReadings")
            .RequireAuthorization(IngestKeyAuthentication.Policy).RequireRateLimiting(IngestRateLimit.Policy);
        return app;
    }

    private static async Task<IResult> Handle(
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
            return Results.Json(response, statusCode: StatusCodes.Status202Accepted);
        }
        catch (BatchProblemException problem)
        {
            metrics.CountRefused(problem.Status);
            if (problem.RetryAfterSeconds is { } wait) http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(problem.Message, statusCode: problem.Status, title: problem.Title);
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
