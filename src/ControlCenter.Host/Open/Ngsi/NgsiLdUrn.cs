using System.Text.RegularExpressions;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// Entity ids are URNs made of the model's type and the catalogue id (<c>urn:ngsi-ld:AirQualityObserved:aq-hang-dau</c>),
/// so an id names one thing of one type and the catalogue id is read back from it without a look-up table.
/// </summary>
public static partial class NgsiLdUrn
{
    public const string Prefix = "urn:ngsi-ld:";

    /// <summary>The longest URN that can name one of ours: the longest type and a 64-character catalogue id.</summary>
    public static readonly int MaxLength = Prefix.Length + 64 + 1 + 64;

    public static string Of(string type, string catalogueId) => $"{Prefix}{type}:{catalogueId}";

    /// <summary>Splits a URN of our shape; false when it is not one (then the request was malformed, not unknown).</summary>
    public static bool TryParse(string? urn, out string type, out string catalogueId)
    {
        (type, catalogueId) = ("", "");
        if (urn is null || urn.Length > MaxLength || !urn.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = urn[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !TypeName().IsMatch(rest[..colon]) || !EntityId.IsValid(rest[(colon + 1)..])) return false;
        (type, catalogueId) = (rest[..colon], rest[(colon + 1)..]);
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
