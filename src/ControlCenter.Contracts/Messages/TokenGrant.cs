namespace ControlCenter.Contracts.Messages;

/// <summary>Tokens leased from a key's cluster-wide bucket; when none, how long until the next one.</summary>
[GenerateSerializer, Immutable]
public sealed record TokenGrant([property: Id(0)] int Granted, [property: Id(1)] TimeSpan RetryAfter);
