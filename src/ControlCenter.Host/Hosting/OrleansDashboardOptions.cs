namespace ControlCenter.Host.Hosting;

/// <summary>Settings under <c>Orleans:Dashboard</c>.</summary>
public sealed class OrleansDashboardOptions
{
    public const string Section = "Orleans:Dashboard";

    /// <summary>
    /// Off: the dashboard is not registered at all (no profiler, no grain of its own, <c>/ops/orleans/</c> answers 404),
    /// for clusters whose operators use Grafana only.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
