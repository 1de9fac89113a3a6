using System.Diagnostics;

namespace ControlCenter.Grains.Feed;

/// <summary>
/// The grains' activity source. A feed batch coalesces changes from many grain calls, so its span is not a child of
/// any one of them: it links to the calls whose changes it carries (up to <see cref="MaxLinks"/>).
/// </summary>
public static class FeedTelemetry
{
    public const string SourceName = "ControlCenter.Grains";

    public const int MaxLinks = 64;

    public static readonly ActivitySource Source = new(SourceName);
}
