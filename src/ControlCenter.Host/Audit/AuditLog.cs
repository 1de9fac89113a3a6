using System.Globalization;
using ControlCenter.Storage;

namespace ControlCenter.Host.Audit;

/// <summary>
/// The persisted audit log. Privileged actions are rare, so each is written at once (not batched): an action
/// the caller saw succeed is on record.
/// </summary>
public sealed class AuditLog(CityDatabase database, TimeProvider time)
{
    private const string Insert =
        "INSERT INTO audit_log (at_ms, actor, role, action, target, detail, remote_ip) VALUES (@at, @actor, @role, @action, @target, @detail, @ip)";

    private const string Latest =
        "SELECT id, at_ms, actor, role, action, target, detail, remote_ip FROM audit_log ORDER BY id DESC LIMIT @limit";

    public Task Record(HttpContext http, string actor, string? role, string action, string? target = null, string? detail = null) =>
        Record(actor, role, action, target, detail, http.Connection.RemoteIpAddress?.ToString());

    /// <summary>For actions taken where there is no request at hand (the wall's live circuit).</summary>
    public async Task Record(string actor, string? role, string action, string? target, string? detail, string? remoteIp)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection, Insert,
            ("@at", time.GetUtcNow().ToUnixTimeMilliseconds()), ("@actor", Truncate(actor)), ("@role", (object?)role ?? DBNull.Value),
            ("@action", action), ("@target", (object?)target ?? DBNull.Value), ("@detail", (object?)detail ?? DBNull.Value),
            ("@ip", (object?)remoteIp ?? DBNull.Value));
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> Read(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, Latest, ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries.Add(new AuditEntry(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                reader.GetString(2), Text(3), reader.GetString(4), Text(5), Text(6), Text(7)));
        }

        return entries;
    }

    /// <summary>A name tried at a failed login is attacker-controlled: keep it short.</summary>
    private static string Truncate(string value) => value.Length <= 128 ? value : value[..128] + "…";
}
