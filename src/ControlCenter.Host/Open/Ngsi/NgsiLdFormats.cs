using Microsoft.Extensions.Primitives;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>Which <see cref="NgsiLdFormat"/> a request asks for.</summary>
public static class NgsiLdFormats
{
    /// <summary>
    /// Reads <c>options</c>: absent, <c>normalized</c>, or <c>keyValues</c> (<c>simplified</c> is NGSI-LD's other
    /// name for it). Anything else — another option such as <c>sysAttrs</c>, a repeat, both forms — is refused
    /// rather than ignored, so a client never takes an answer for one it did not get.
    /// </summary>
    public static NgsiLdFormat? Parse(StringValues options)
    {
        if (options.Count == 0) return NgsiLdFormat.Normalized;
        if (options.Count > 1) return null;
        return options[0] switch
        {
            "normalized" => NgsiLdFormat.Normalized,
            "keyValues" or "simplified" => NgsiLdFormat.KeyValues,
            _ => null,
        };
    }
}
