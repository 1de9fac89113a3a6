using System.Data.Common;
using System.Xml.Linq;
using ControlCenter.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// ASP.NET Core's data-protection key ring in the city database (<c>data_protection_keys</c>): every silo reads and
/// writes the same keys, and a restarted silo finds them again, so a login cookie or antiforgery token that one silo
/// issued is accepted by all of them. The key manager caches what it reads; this is called at start, when a key is
/// made, and when the cached ring expires.
/// </summary>
public sealed class DatabaseXmlRepository(CityDatabase database, TimeProvider clock) : IXmlRepository
{
    private const string SelectAll = "SELECT xml FROM data_protection_keys ORDER BY created_at_ms, friendly_name";
    private const string Insert =
        "INSERT INTO data_protection_keys (friendly_name, xml, created_at_ms) VALUES (@name, @xml, @at) ON CONFLICT (friendly_name) DO NOTHING";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        using var command = CityDatabase.Command(connection, SelectAll);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    /// <summary>
    /// Keeps every element. The key manager names keys after their id, so a name comes twice only from revocations made
    /// in the same instant or from another caller; overwriting or dropping either could bring a revoked key back, so the
    /// later one is kept under a name of its own, as ASP.NET Core's file-system repository does.
    /// </summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        var xml = element.ToString(SaveOptions.DisableFormatting);
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = database.Open();
        if (!string.IsNullOrWhiteSpace(friendlyName) && TryInsert(connection, friendlyName, xml, at)) return;
        var unique = string.IsNullOrWhiteSpace(friendlyName) ? $"{Guid.NewGuid():N}" : $"{friendlyName}-{Guid.NewGuid():N}";
        if (!TryInsert(connection, unique, xml, at))
            throw new InvalidOperationException($"Could not store the data-protection element '{friendlyName}' under the fresh name '{unique}'.");
    }

    private static bool TryInsert(DbConnection connection, string name, string xml, long at)
    {
        using var command = CityDatabase.Command(connection, Insert, ("@name", name), ("@xml", xml), ("@at", at));
        return command.ExecuteNonQuery() == 1;
    }
}
