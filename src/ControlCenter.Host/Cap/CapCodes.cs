using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ControlCenter.Domain;
using ControlCenter.Domain.Alerts;

namespace ControlCenter.Host.Cap;

/// <summary>
/// What every OASIS CAP 1.2 document the centre writes shares (the webhooks' alert messages and the public
/// warnings feed): the namespace, times, the mapping of alert severities and domains to CAP codes, circles,
/// and the bytes on the wire.
/// </summary>
public static class CapCodes
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>CAP suggests a headline of at most 160 characters.</summary>
    public const int MaxHeadline = 160;

    /// <summary>CAP times carry an explicit offset and no fractions of a second; the city's own offset is used.</summary>
    public static string Time(DateTimeOffset at) => CityTime.Local(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Urgency(string severity) => severity switch
    {
        Severities.Critical or Severities.Major => "Immediate",
        Severities.Minor or Severities.Warning => "Expected",
        _ => "Unknown",
    };

    public static string Severity(string severity) => severity switch
    {
        Severities.Critical => "Extreme",
        Severities.Major => "Severe",
        Severities.Minor => "Moderate",
        Severities.Warning => "Minor",
        _ => "Unknown",
    };

    /// <summary>The CAP category of an alert domain that has an obvious one; null for the rest (each document says what they are).</summary>
    public static string? Category(string domain) => domain switch
    {
        AlertDomains.Air or AlertDomains.Water => "Env",
        AlertDomains.Rain or AlertDomains.Flood => "Met",
        AlertDomains.Traffic or AlertDomains.Parking => "Transport",
        _ => null,
    };

    /// <summary>Each domain's category once, <paramref name="otherwise"/> for a domain without one (and for no domain at all).</summary>
    public static IReadOnlyList<string> Categories(IEnumerable<string> domains, Func<string, string> otherwise, string none)
    {
        var categories = domains.Select(d => Category(d) ?? otherwise(d)).Distinct(StringComparer.Ordinal).ToList();
        return categories.Count > 0 ? categories : [none];
    }

    /// <summary>CAP's <c>circle</c>: "lat,lon radius" with the radius in kilometres.</summary>
    public static string Circle(double lat, double lon, double radiusKm) =>
        string.Create(CultureInfo.InvariantCulture, $"{lat:0.#####},{lon:0.#####} {radiusKm:0.0##}");

    public static string Headline(string text) => text.Length <= MaxHeadline ? text : text[..MaxHeadline];

    /// <summary>
    /// The document as UTF-8 without a byte-order mark. Characters XML cannot carry (a control character pasted
    /// into a title) are dropped first: they would otherwise make the writer throw.
    /// </summary>
    public static byte[] ToBytes(XElement root)
    {
        foreach (var text in root.DescendantNodes().OfType<XText>().ToList()) text.Value = XmlSafe(text.Value);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        return stream.ToArray();
    }

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }

        return safe.ToString();
    }
}
