using System.Globalization;
using System.Xml.Linq;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Host.Cap;

namespace ControlCenter.Host.Open;

/// <summary>
/// A public warning as an OASIS CAP 1.2 <c>alert</c> for broadcasters and alerting apps: the latest message
/// about it (Alert, Update or Cancel) with one <c>info</c> in Vietnamese and one in English. Only the operator's
/// public words, the area, the times and codes mapped from the alert's severity and domains go in; never the
/// alert's notes, procedure, timeline, people or sensors.
/// </summary>
public static class WarningCap
{
    public const string ContentType = "application/cap+xml";

    private static readonly XNamespace Cap = CapCodes.Cap;

    /// <summary>The alert timeline's action for an edit of the warning (its time is that revision's <c>sent</c>).</summary>
    private const string UpdatedAction = "warning-updated";

    /// <summary>One message of a warning: its CAP identifier and when it was sent.</summary>
    public sealed record Message(string Identifier, DateTimeOffset Sent);

    /// <summary>
    /// The key of one publication: the alert and when its warning was first published (a warning withdrawn and
    /// published again starts a new one, with new identifiers).
    /// </summary>
    public static string Publication(Alert alert) =>
        $"{alert.Id}.{alert.PublicWarning!.PublishedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Withdrawn, or its alert resolved: the latest message is a Cancel.</summary>
    public static bool Ended(Alert alert) => OpenCity.EndedAt(alert) is not null;

    public static string MessageType(Alert alert) => Ended(alert) ? "Cancel" : alert.PublicWarning!.Revision == 1 ? "Alert" : "Update";

    /// <summary>The newest message: each revision has its own identifier (<c>.w{n}</c>), the end its own (<c>.cancel</c>).</summary>
    public static Message Latest(Alert alert)
    {
        var w = alert.PublicWarning!;
        return OpenCity.EndedAt(alert) is { } ended
            ? new Message($"{Publication(alert)}.cancel", ended)
            : new Message(Revision(alert, w.Revision), w.UpdatedAt ?? w.PublishedAt);
    }

    public static XElement Write(Alert alert, string sender, string senderName)
    {
        var w = alert.PublicWarning!;
        var latest = Latest(alert);
        var ended = Ended(alert);
        var earlier = Earlier(alert, ended ? w.Revision : w.Revision - 1);
        return new XElement(Cap + "alert",
            new XElement(Cap + "identifier", latest.Identifier),
            new XElement(Cap + "sender", sender),
            new XElement(Cap + "sent", CapCodes.Time(latest.Sent)),
            new XElement(Cap + "status", "Actual"),
            new XElement(Cap + "msgType", MessageType(alert)),
            new XElement(Cap + "scope", "Public"),
            ended
                ? new XElement(Cap + "note", w.Withdrawn ? "Cảnh báo đã được gỡ bỏ. / The warning has been withdrawn." : "Tình huống đã kết thúc. / The situation is over.")
                : null,
            earlier.Count > 0 ? new XElement(Cap + "references", string.Join(' ', earlier.Select(m => $"{sender},{m.Identifier},{CapCodes.Time(m.Sent)}"))) : null,
            new XElement(Cap + "incidents", alert.Id),
            Info(alert, ended, senderName, english: false),
            Info(alert, ended, senderName, english: true));
    }

    private static XElement Info(Alert alert, bool ended, string senderName, bool english)
    {
        var w = alert.PublicWarning!;
        var title = english ? w.TitleEn : w.Title;
        return new XElement(Cap + "info",
            new XElement(Cap + "language", english ? "en-US" : "vi-VN"),
            CapCodes.Categories(alert.Domains, _ => "Safety", "Safety").Select(c => new XElement(Cap + "category", c)),
            new XElement(Cap + "event", Event(alert, english)),
            ended ? new XElement(Cap + "responseType", "AllClear") : null,
            new XElement(Cap + "urgency", ended ? "Past" : CapCodes.Urgency(alert.Severity)),
            new XElement(Cap + "severity", CapCodes.Severity(alert.Severity)),
            new XElement(Cap + "certainty", "Observed"),
            new XElement(Cap + "senderName", senderName),
            new XElement(Cap + "headline", CapCodes.Headline(ended ? (english ? "Ended: " : "Hết hiệu lực: ") + title : title)),
            new XElement(Cap + "description", english ? w.TextEn : w.Text),
            new XElement(Cap + "area",
                new XElement(Cap + "areaDesc", english ? w.Area.DescriptionEn : w.Area.Description),
                new XElement(Cap + "circle", CapCodes.Circle(w.Area.Lat, w.Area.Lon, w.Area.RadiusKm))));
    }

    /// <summary>The rule's name; an operator's own (manual) alert has no type worth naming beyond "a warning".</summary>
    private static string Event(Alert alert, bool english) =>
        alert.RuleId != AlertRules.Manual && AlertRules.Find(alert.RuleId) is { } rule
            ? english ? rule.TitleEn : rule.Title
            : english ? "Public warning" : "Cảnh báo cho người dân";

    private static string Revision(Alert alert, int revision) =>
        $"{Publication(alert)}.w{revision.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Revisions 1 to <paramref name="through"/>, each with the time it was sent. Only the first and the latest
    /// times are kept on the warning; the others come from the alert's timeline (its times only), and when the
    /// timeline no longer holds them all, only the revisions whose time is certain are named.
    /// </summary>
    private static List<Message> Earlier(Alert alert, int through)
    {
        var w = alert.PublicWarning!;
        if (through < 1) return [];
        List<DateTimeOffset> sent = [w.PublishedAt, .. alert.Timeline.Where(e => e.Action == UpdatedAction && e.At > w.PublishedAt).Select(e => e.At)];
        if (sent.Count == w.Revision) return [.. Enumerable.Range(1, through).Select(r => new Message(Revision(alert, r), sent[r - 1]))];
        List<Message> known = [new(Revision(alert, 1), w.PublishedAt)];
        if (through == w.Revision && through > 1 && w.UpdatedAt is { } updated) known.Add(new(Revision(alert, through), updated));
        return known;
    }
}
