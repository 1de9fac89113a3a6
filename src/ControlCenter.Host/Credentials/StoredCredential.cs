namespace ControlCenter.Host.Credentials;

/// <summary>A credential an administrator made; its secret is only ever shown once, at creation.</summary>
public sealed record StoredCredential(
    string Id, string Kind, string Name, string SecretSha256, CredentialScopes Scopes, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>What a credential may do: an ingest key's sensors, zones and rate; a feed token's topics.</summary>
public sealed record CredentialScopes
{
    public List<string> Sensors { get; init; } = [];
    public List<string> Zones { get; init; } = [];
    public int? RequestsPerSecond { get; init; }
    public List<string> Topics { get; init; } = [];
}
