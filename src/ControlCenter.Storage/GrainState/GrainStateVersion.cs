using System.Globalization;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// What a grain's ETag says about the row it read, and so what its next write may do. This store's ETags are the
/// row's version ("7"). A state read from Orleans' ADO.NET table of earlier releases carries that row's version as
/// "adonet:7": it has no <c>grain_state</c> row yet, so its first write must insert one (at 8) instead of updating
/// one, and a second activation that read the same old row must find that insert already done.
/// </summary>
public readonly record struct GrainStateVersion(long Version, bool FromLegacy)
{
    private const string LegacyPrefix = "adonet:";

    /// <summary>The grain read no row anywhere (a null ETag).</summary>
    public static GrainStateVersion None => default;

    /// <summary>Whether a write must find a <c>grain_state</c> row at exactly <see cref="Version"/>; otherwise it may only insert.</summary>
    public bool ExpectsRow => !FromLegacy && Version > 0;

    /// <summary>The version the grain's next write or clear creates.</summary>
    public long Next => Version + 1;

    public static GrainStateVersion Ours(long version) => new(version, FromLegacy: false);

    /// <summary>The ETag for a state Orleans' ADO.NET provider read; its ETags are that table's version numbers.</summary>
    public static string? LegacyETag(string? adoNetETag)
    {
        if (adoNetETag is null) return null;
        if (Parse(adoNetETag) is not { FromLegacy: false } version)
            throw new FormatException($"Orleans' ADO.NET store returned ETag '{adoNetETag}'; its ETags are positive version numbers.");
        return (version with { FromLegacy = true }).ToETag();
    }

    /// <returns>The version, or null when the ETag was not made by this store (nor carried over by it).</returns>
    public static GrainStateVersion? Parse(string? etag)
    {
        if (etag is null) return None;
        var legacy = etag.StartsWith(LegacyPrefix, StringComparison.Ordinal);
        var digits = legacy ? etag[LegacyPrefix.Length..] : etag;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1) return null;
        return new GrainStateVersion(version, legacy);
    }

    /// <summary>The ETag a grain holds after reading this version (null for <see cref="None"/>).</summary>
    public string? ToETag() => this == None ? null : (FromLegacy ? LegacyPrefix : "") + Version.ToString(CultureInfo.InvariantCulture);
}
