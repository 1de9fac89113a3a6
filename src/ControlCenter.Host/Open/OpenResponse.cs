using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ControlCenter.Host.Open;

/// <summary>
/// How the public surface answers: the body's own hash as a weak <c>ETag</c> (the same on every host for the
/// same content), <c>304</c> to an <c>If-None-Match</c> that names it, and a short public <c>Cache-Control</c>.
/// </summary>
public static class OpenResponse
{
    /// <summary>Live figures: browsers and proxies may reuse an answer this long, then revalidate it.</summary>
    public static readonly TimeSpan LiveMaxAge = TimeSpan.FromSeconds(10);

    /// <summary>Closed hours of history change rarely.</summary>
    public static readonly TimeSpan HistoryMaxAge = TimeSpan.FromMinutes(5);

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Vietnamese names as they are, not as \u escapes: the body is JSON, never inlined into HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Serialised once here (not by the framework), so the ETag is the hash of the very bytes sent.</summary>
    public static OpenAnswer<T> Json<T>(HttpContext http, T body, TimeSpan maxAge) =>
        new(Bytes(http, JsonSerializer.SerializeToUtf8Bytes(body, SerializerOptions), "application/json; charset=utf-8", maxAge));

    public static OpenAnswer Bytes(HttpContext http, byte[] body, string contentType, TimeSpan maxAge)
    {
        // Weak: the same content is sent plain, gzip or br (compression comes after), which a strong tag may not span.
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 12)).Replace('+', '-').Replace('/', '_')}\"", isWeak: true);
        var headers = http.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        return Matches(http.Request.Headers.IfNoneMatch, etag)
            ? new OpenAnswer(TypedResults.StatusCode(StatusCodes.Status304NotModified))
            : new OpenAnswer(TypedResults.Bytes(body, contentType));
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 §13.1.2); a malformed header matches nothing.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue etag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
    }
}
