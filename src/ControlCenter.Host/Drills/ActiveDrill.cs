using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Drills;

/// <summary>
/// What is being drilled now in the cluster, for the wall's banner, the API, and the normal-day simulator (which
/// pauses); <see cref="Host"/> is the silo playing it.
/// </summary>
public sealed record ActiveDrill(
    string Name, string Title, string TitleEn, double Speed, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset EndsAt, string Host)
{
    public static ActiveDrill Of(DrillRun run) => new(run.Name, run.Title, run.TitleEn, run.Speed, run.StartedBy, run.StartedAt, run.EndsAt, run.Host);
}
