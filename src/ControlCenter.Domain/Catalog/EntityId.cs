using System.Text.RegularExpressions;

namespace ControlCenter.Domain.Catalog;

/// <summary>The contract's id rule: lowercase <c>[a-z0-9-]{1,64}</c> for every kind of entity (and nothing after it: <c>\z</c>, not <c>$</c>, which would let a trailing newline through).</summary>
public static partial class EntityId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
