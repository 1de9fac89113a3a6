namespace ControlCenter.Host.Drills;

/// <summary>What is being drilled now, for the wall's banner, the API, and the normal-day simulator (which pauses).</summary>
public sealed record ActiveDrill(
    string Name, string Title, string TitleEn, double Speed, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset EndsAt);
