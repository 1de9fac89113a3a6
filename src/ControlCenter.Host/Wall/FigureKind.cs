namespace ControlCenter.Host.Wall;

/// <summary>How the wall writes a metric's value: the kind of figure it is and its unit.</summary>
public enum FigureKind
{
    /// <summary>A number followed by its unit (none for an index such as VN_AQI).</summary>
    Number,
    /// <summary>A share written as a percentage (0.95 → 95%).</summary>
    Share,
    /// <summary>A flag: 1 is yes, 0 is no.</summary>
    Flag,
    /// <summary>A duration in seconds, written as an age (42 phút).</summary>
    Seconds,
}
