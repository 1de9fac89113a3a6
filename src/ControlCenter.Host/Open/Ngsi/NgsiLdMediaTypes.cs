namespace ControlCenter.Host.Open.Ngsi;

/// <summary>Content negotiation between the two <see cref="NgsiLdMediaType"/>s.</summary>
public static class NgsiLdMediaTypes
{
    public const string JsonLd = "application/ld+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks by the <c>Accept</c> header's quality values, an exact type before a wildcard, JSON-LD on a tie;
    /// null when neither is acceptable (406).
    /// </summary>
    public static NgsiLdMediaType? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return NgsiLdMediaType.JsonLd;
        double? jsonLd = null, json = null, any = null;
        foreach (var range in accept)
        {
            var quality = range.Quality ?? 1;
            var type = range.MediaType.Value;
            if (string.Equals(type, JsonLd, StringComparison.OrdinalIgnoreCase)) jsonLd = Math.Max(jsonLd ?? 0, quality);
            else if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase)) json = Math.Max(json ?? 0, quality);
            else if (type is "*/*" or "application/*") any = Math.Max(any ?? 0, quality);
        }

        var (ld, plain) = (jsonLd ?? any ?? 0, json ?? any ?? 0);
        if (ld <= 0 && plain <= 0) return null;
        return plain > ld ? NgsiLdMediaType.Json : NgsiLdMediaType.JsonLd;
    }

    /// <summary>How NGSI-LD names a context out of band (ETSI GS CIM 009, the JSON-LD context link relation).</summary>
    public static string ContextLink(string context) =>
        $"<{context}>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"{JsonLd}\"";
}
