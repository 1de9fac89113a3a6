namespace ControlCenter.Host.Ingest;

/// <summary>The ingest keys gateways present in <c>X-Api-Key</c>, each optionally limited to sensors or zones.</summary>
public sealed class IngestKeyOptions
{
    public const string Section = "Ingest";

    public List<IngestKey> Keys { get; set; } = [];

    /// <summary>Requests per second a key may make unless it sets its own (with a burst of twice that).</summary>
    public int RequestsPerSecond { get; set; } = 100;
}

public sealed class IngestKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>Sensor ids this key may write; empty with empty <see cref="Zones"/> means every sensor.</summary>
    public List<string> Sensors { get; set; } = [];
    /// <summary>Zones whose sensors this key may write.</summary>
    public List<string> Zones { get; set; } = [];
    /// <summary>This key's own request rate, if it differs from the default.</summary>
    public int? RequestsPerSecond { get; set; }
}
