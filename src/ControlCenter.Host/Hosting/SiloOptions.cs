namespace ControlCenter.Host.Hosting;

/// <summary>The silo's identity and ports. Each silo on one machine needs its own pair of ports.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "controlcenter";
    /// <summary>Part of every stored grain's key: keep it stable across restarts and releases.</summary>
    public string ServiceId { get; set; } = "controlcenter";
    /// <summary>The address other silos reach this one at (PostgreSQL clustering); a pod IP in Kubernetes.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>
    /// Pods in Kubernetes (k8s/): each silo is named after its pod (POD_NAME, POD_NAMESPACE from the downward API) and
    /// listens on every address, <see cref="AdvertisedAddress"/> is the pod's IP, and silos whose pods are gone are
    /// declared dead at once.
    /// </summary>
    public bool Kubernetes { get; set; }
    /// <summary>How often sensors re-check their health against the clock.</summary>
    public TimeSpan HealthCheckPeriod { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often lots, junctions, zones and the city publish coalesced changes.</summary>
    public TimeSpan AggregateFlushPeriod { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How often each sensor considers writing its state as a checkpoint of the readings log (CityModelOptions).</summary>
    public TimeSpan CheckpointPeriod { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Rows folded since the last checkpoint that make the next tick write one.</summary>
    public int CheckpointAfterRows { get; set; } = 20;
    /// <summary>The longest a changed sensor goes without a checkpoint.</summary>
    public TimeSpan CheckpointMaxAge { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>How often each zone runs its alert rules.</summary>
    public TimeSpan RuleEvaluationPeriod { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// How often the city's sweeper (a reminder) wakes every sensor, zone and lot desk on a live silo (CityModelOptions).
    /// Below a minute, the silo lowers Orleans' minimum reminder period to match (tests; Orleans then logs a warning).
    /// </summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long the host has in all to stop: the web server (which drains open connections until this runs out), its
    /// services one after another, then the silo (its grains deactivated and written). It stays under Kubernetes'
    /// terminationGracePeriodSeconds (60 in k8s/base) so the host, not a kill, ends it.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
