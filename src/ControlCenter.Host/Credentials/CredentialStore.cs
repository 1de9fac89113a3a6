using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ControlCenter.Storage;

namespace ControlCenter.Host.Credentials;

/// <summary>Machine credentials in the city database: created with a fresh random secret, listed, revoked.</summary>
public sealed class CredentialStore(CityDatabase database, TimeProvider time)
{
    public const string IngestKind = "ingest";
    public const string FeedKind = "feed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Sha256Hex(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <returns>The stored credential and its secret (which is not kept anywhere).</returns>
    public async Task<(StoredCredential Credential, string Secret)> Create(string kind, string name, CredentialScopes scopes, string createdBy)
    {
        var id = $"{kind}-{Guid.NewGuid():N}"[..(kind.Length + 13)];
        var secret = $"cc_{kind}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        var credential = new StoredCredential(id, kind, name, Sha256Hex(secret), scopes, time.GetUtcNow(), createdBy, null);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection,
            "INSERT INTO credentials (id, kind, name, secret_sha256, scopes, created_at_ms, created_by) VALUES (@id, @kind, @name, @hash, @scopes, @at, @by)",
            ("@id", id), ("@kind", kind), ("@name", name), ("@hash", credential.SecretSha256),
            ("@scopes", JsonSerializer.Serialize(scopes, Json)), ("@at", credential.CreatedAt.ToUnixTimeMilliseconds()), ("@by", createdBy));
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        return (credential, secret);
    }

    public async Task<IReadOnlyList<StoredCredential>> All(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection,
            "SELECT id, kind, name, secret_sha256, scopes, created_at_ms, created_by, revoked_at_ms FROM credentials ORDER BY created_at_ms");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var all = new List<StoredCredential>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset At(int i) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
            all.Add(new StoredCredential(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<CredentialScopes>(reader.GetString(4), Json) ?? new CredentialScopes(),
                At(5), reader.GetString(6), reader.IsDBNull(7) ? null : At(7)));
        }

        return all;
    }

    /// <returns>False when no such live credential exists.</returns>
    public async Task<bool> Revoke(string kind, string id)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection,
            "UPDATE credentials SET revoked_at_ms = @at WHERE id = @id AND kind = @kind AND revoked_at_ms IS NULL",
            ("@at", time.GetUtcNow().ToUnixTimeMilliseconds()), ("@id", id), ("@kind", kind));
        return await command.ExecuteNonQueryAsync(CancellationToken.None) == 1;
    }
}
