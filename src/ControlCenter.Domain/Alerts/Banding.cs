namespace ControlCenter.Domain.Alerts;

/// <summary>One line a figure can reach, and the level reaching it means.</summary>
public readonly record struct Line(double Value, double At, int Level);

/// <summary>
/// Levels with hysteresis: a figure climbs to a level as soon as it reaches the level's line, but keeps a level
/// it already holds until it is below that line by the margin. A value hovering at a line keeps one level.
/// </summary>
public static class Banding
{
    /// <returns>The highest level reached (0 for none).</returns>
    public static int Highest(IEnumerable<Line> lines, double margin, int held) =>
        lines.Where(l => l.Value >= l.At || (l.Level <= held && l.Value >= l.At - margin))
            .Select(l => l.Level).DefaultIfEmpty(0).Max();

    /// <summary>Lines of levels 1, 2, … in ascending order, for one figure.</summary>
    public static int Level(double value, IReadOnlyList<double> lines, double margin, int held) =>
        Highest(lines.Select((at, i) => new Line(value, at, i + 1)), margin, held);

    /// <summary>For a figure where lower is worse (dissolved oxygen): level n when strictly below the n-th line.</summary>
    public static int LevelBelow(double value, IReadOnlyList<double> lines, double margin, int held) =>
        Highest(lines.Select((at, i) => new Line(-value, -at + Nudge(at), i + 1)), margin, held);

    /// <summary>"Below 4" is strict: a value of exactly 4 has not crossed.</summary>
    private static double Nudge(double at) => Math.Max(Math.Abs(at), 1) * 1e-12;
}
