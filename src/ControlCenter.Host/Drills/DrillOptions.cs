namespace ControlCenter.Host.Drills;

/// <summary>
/// Drills: incident scenarios that operators start from the wall or the API, for training. The scenario
/// feeds this centre through its own public ingest API with the key given here, like any gateway; without a
/// key drills are off (the default outside Development: a drill on a centre with real sensors would mix
/// invented readings with real ones).
/// </summary>
public sealed class DrillOptions
{
    public const string Section = "Drills";

    /// <summary>The ingest key the drill's simulator sends with; empty turns drills off.</summary>
    public string IngestKey { get; set; } = "";

    /// <summary>This centre's own address for the drill's requests; empty means the first address it listens on.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// How long the cluster waits for the playing host's renewal before another host may start a drill (that host
    /// died). The playing host renews every <see cref="PollPeriod"/>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each host reads the cluster's drill (the wall's banner) and the playing host renews its lease and hears a stop.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => IngestKey.Length > 0;
}
