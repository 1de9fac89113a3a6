namespace ControlCenter.Grains.Hosting;

/// <summary>How often the grains look at the clock and publish aggregate changes.</summary>
public sealed class CityModelOptions
{
    /// <summary>How often each sensor re-evaluates its health (stale/offline) against the clock.</summary>
    public TimeSpan HealthCheckPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a sensor considers writing its state as a checkpoint of the readings log: it does when it has folded
    /// <see cref="CheckpointAfterRows"/> rows since the last one, or when its last one is <see cref="CheckpointMaxAge"/>
    /// old and anything changed. Busy sensors write every few seconds and rarely heard ones about once a minute, so
    /// a city of many quiet sensors does not write a state per reading; a crash costs at most that much replay.
    /// </summary>
    public TimeSpan CheckpointPeriod { get; set; } = TimeSpan.FromSeconds(5);

    public int CheckpointAfterRows { get; set; } = 20;

    public TimeSpan CheckpointMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Zones and the city coalesce member changes and publish at most this often.</summary>
    public TimeSpan AggregateFlushPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Each silo's feed publisher sends one coalesced batch to the hosts at most this often.</summary>
    public TimeSpan FeedBatchPeriod { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Each zone runs its alert rules this often (and after every change it publishes).</summary>
    public TimeSpan RuleEvaluationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The alert book re-checks silences (which expire by themselves) and inhibitions this often.</summary>
    public TimeSpan AlertSweepPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the city's sweeper (driven by a reminder, so it survives any silo) asks every sensor, zone and lot desk
    /// to check itself. The grains' own timers keep the fine cadence; the sweep is the guarantee that each grain is
    /// alive to run them, so work falls due at most one sweep period late after a silo dies. Reminders allow no less
    /// than a minute unless the silo lowers <c>ReminderOptions.MinimumReminderPeriod</c>.
    /// </summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
