using System.Text;
using System.Text.Json;
using ControlCenter.Domain.Egov;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ControlCenter.Host.Egov;

/// <summary>A whole-request problem with an import (size, type, encoding): answered as problem details.</summary>
public sealed class EgovBodyException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

/// <summary>
/// Reads an import's body: <c>text/csv</c> (UTF-8, with or without a byte order mark) or <c>application/json</c>,
/// at most <see cref="MaxBodyBytes"/>; anything else is refused before a row is looked at.
/// </summary>
public static class EgovBody
{
    /// <summary>5,000 rows with long Vietnamese names fit; the server stops reading past it.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8 };

    public static async Task<FiguresDocument> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        var kind = Kind(request.ContentType);
        var bytes = await Bytes(request, cancellationToken);
        var body = bytes.AsMemory();
        if (body.Span.StartsWith("\uFEFF"u8)) body = body[3..];
        if (kind == "csv")
        {
            string text;
            try
            {
                text = StrictUtf8.GetString(body.Span);
            }
            catch (DecoderFallbackException)
            {
                throw new EgovBodyException(StatusCodes.Status400BadRequest, "Not UTF-8", "Send the CSV encoded as UTF-8.");
            }

            return ServiceFiguresCsv.Parse(text);
        }

        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            return ServiceFiguresJson.Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new EgovBodyException(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }
    }

    private static string Kind(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            var charset = media.Charset.Value;
            if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                throw new EgovBodyException(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", "Send the figures in UTF-8.");
            if (media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) return "csv";
            if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return "json";
        }

        throw new EgovBodyException(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
            "Send the figures as text/csv (a header row, then one row per department and month) or application/json (an array of rows).");
    }

    private static async Task<byte[]> Bytes(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) throw TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }

        return buffer.Length > MaxBodyBytes ? throw TooLarge() : buffer.ToArray();
    }

    public static EgovBodyException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Body too large",
            $"An import is at most {MaxBodyBytes / 1024 / 1024} MiB and {ServiceFiguresLimits.MaxRows} rows; split it (rows of other months are kept).");
}
