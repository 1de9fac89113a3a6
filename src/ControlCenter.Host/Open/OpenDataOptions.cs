namespace ControlCenter.Host.Open;

/// <summary>The public surface's limits (section <c>OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>
    /// Requests per second one client (one IP address) may make; twice as many in a burst. A phone on the portal
    /// makes about one a second; a newsroom polling every endpoint, a few.
    /// </summary>
    public int RequestsPerSecondPerClient { get; set; } = 20;

    /// <summary>Licence named on every open dataset, in the CSV headers and the JSON; attribute to <see cref="Source"/>.</summary>
    public string Licence { get; set; } = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

    /// <summary>
    /// The public address the feeds' links name (e.g. https://smartcity.hanoi.gov.vn). Unset: the request's own
    /// scheme and host, which a client chooses — set it in production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Who publishes the data (CAP's sender name, the feeds' author).</summary>
    public string Source { get; set; } = "Trung tâm điều hành đô thị thông minh Hà Nội / Hanoi smart-city operations centre";
}
