using System.Xml.Linq;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Cap;

namespace ControlCenter.Host.Open;

/// <summary>
/// The public warnings as an Atom feed of CAP messages (the form alert aggregators and broadcasters poll): one
/// entry per warning in force or ended within a day, each holding that warning's latest CAP message inline.
/// </summary>
public static class WarningFeed
{
    public const string ContentType = "application/atom+xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="warnings">From <see cref="OpenCity.Warnings"/>.</param>
    /// <param name="baseUrl">Scheme, host and path base of the request, for the links.</param>
    /// <param name="quietSince">The feed's <c>updated</c> when it holds no entry.</param>
    public static XElement Write(
        IReadOnlyList<Alert> warnings, string baseUrl, string sender, OpenDataOptions options, DateTimeOffset quietSince)
    {
        // Warnings come newest first; /warnings/{id}.cap serves an alert's newest publication, so only that entry links
        // to it (an earlier, withdrawn publication's own Cancel is in its entry's content).
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var entries = warnings.Select(a => Entry(a, baseUrl, sender, options, linkToCap: linked.Add(a.Id))).ToList();
        var updated = warnings.Count > 0 ? warnings.Max(a => WarningCap.Latest(a).Sent) : quietSince;
        return new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "vi"),
            new XElement(Atom + "id", $"tag:{sender},2026:open/warnings"),
            new XElement(Atom + "title", "Cảnh báo cho người dân Hà Nội / Hanoi public warnings"),
            new XElement(Atom + "subtitle", "Cảnh báo CAP 1.2 đang hiệu lực và đã kết thúc trong 24 giờ qua / CAP 1.2 warnings in force and ended in the last 24 hours"),
            new XElement(Atom + "updated", CapCodes.Time(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", options.Source)),
            new XElement(Atom + "rights", options.Licence),
            Link("self", ContentType, $"{baseUrl}{OpenEndpoints.Prefix}/warnings.atom"),
            Link("alternate", "application/json", $"{baseUrl}{OpenEndpoints.Prefix}/warnings"),
            entries);
    }

    /// <summary>Where one warning's CAP message is served on its own.</summary>
    public static string CapPath(string alertId) => $"{OpenEndpoints.Prefix}/warnings/{alertId}.cap";

    private static XElement Entry(Alert alert, string baseUrl, string sender, OpenDataOptions options, bool linkToCap)
    {
        var w = alert.PublicWarning!;
        var latest = WarningCap.Latest(alert);
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", $"tag:{sender},2026:open/warnings/{WarningCap.Publication(alert)}"),
            new XElement(Atom + "title", $"{(WarningCap.Ended(alert) ? "[Hết hiệu lực / Ended] " : "")}{w.Title} / {w.TitleEn}"),
            new XElement(Atom + "updated", CapCodes.Time(latest.Sent)),
            new XElement(Atom + "published", CapCodes.Time(w.PublishedAt)),
            new XElement(Atom + "summary", $"{w.Text}\n\n{w.TextEn}"),
            new XElement(Atom + "category", new XAttribute("term", WarningCap.MessageType(alert))),
            linkToCap ? Link("alternate", WarningCap.ContentType, $"{baseUrl}{CapPath(alert.Id)}") : null,
            new XElement(Atom + "content", new XAttribute("type", WarningCap.ContentType), WarningCap.Write(alert, sender, options.Source)));
    }

    private static XElement Link(string rel, string type, string href) =>
        new(Atom + "link", new XAttribute("rel", rel), new XAttribute("type", type), new XAttribute("href", href));
}
