using System.Diagnostics;

namespace ControlCenter.Grains.Feed;

/// <summary>
/// The grains' activity source. A feed batch coalesces changes from many grain calls: its span is a child of the
/// first of them and links to the others (up to <see cref="MaxLinks"/> calls in all).
/// </summary>
public static class FeedTelemetry
{
    public const string SourceName = "ControlCenter.Grains";

    public const int MaxLinks = 64;

    public static readonly ActivitySource Source = new(SourceName);
}
