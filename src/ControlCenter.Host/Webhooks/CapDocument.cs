using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// An alert change as an OASIS CAP 1.2 <c>alert</c>: one <c>info</c> in Vietnamese and one in English, the zone as
/// the area. Elements are written in the order the CAP 1.2 schema requires.
/// </summary>
public sealed class CapDocument(CityCatalog catalog, IOptions<WebhookOptions> options)
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>Zones are known by their centre only: the area is a circle of this radius around it.</summary>
    public const double ZoneRadiusKm = 3.0;

    public byte[] Write(WebhookSubscription subscription, WebhookDelivery delivery)
    {
        var n = delivery.Notification;
        var alert = n.Alert;
        var scope = subscription.CapPublic
            ? new object[] { new XElement(Cap + "scope", "Public") }
            : [new XElement(Cap + "scope", "Restricted"), new XElement(Cap + "restriction", "Đối tác vận hành của Trung tâm điều hành / ControlCenter operations partners")];
        var document = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", $"{alert.Id}.v{alert.Version}"),
            new XElement(Cap + "sender", options.Value.CapSender),
            new XElement(Cap + "sent", CapTime(n.At)),
            new XElement(Cap + "status", "Actual"),
            new XElement(Cap + "msgType", MessageType(n.Event)),
            scope,
            new XElement(Cap + "code", $"event:{n.Event}"),
            // Every message about one alert names it as the incident, so a receiver can group them.
            new XElement(Cap + "incidents", alert.Id),
            Info(alert, n.Event, "vi-VN", alert.Title, catalog.FindZone(alert.ZoneId ?? "")?.Name ?? "Hà Nội"),
            Info(alert, n.Event, "en-US", alert.TitleEn, catalog.FindZone(alert.ZoneId ?? "")?.NameEn ?? "Hanoi"));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) new XDocument(new XDeclaration("1.0", "utf-8", null), document).Save(writer);
        return stream.ToArray();
    }

    private XElement Info(Alert alert, string kind, string language, string headline, string areaName) =>
        new(Cap + "info",
            new XElement(Cap + "language", language),
            Categories(alert).Select(c => new XElement(Cap + "category", c)),
            new XElement(Cap + "event", AlertRules.Find(alert.RuleId) is { } rule ? (language == "vi-VN" ? rule.Title : rule.TitleEn) : alert.RuleId),
            new XElement(Cap + "urgency", kind == WebhookEvents.Resolved ? "Past" : Urgency(alert.Severity)),
            new XElement(Cap + "severity", Severity(alert.Severity)),
            new XElement(Cap + "certainty", "Observed"),
            new XElement(Cap + "senderName", language == "vi-VN" ? "Trung tâm điều hành đô thị thông minh Hà Nội" : "Hanoi smart-city operations centre"),
            new XElement(Cap + "headline", headline.Length <= 160 ? headline : headline[..160]),
            Parameter("alertId", alert.Id), Parameter("version", alert.Version.ToString(CultureInfo.InvariantCulture)),
            Parameter("status", alert.Status), Parameter("escalationLevel", alert.EscalationLevel.ToString(CultureInfo.InvariantCulture)),
            Area(alert, areaName));

    private XElement Area(Alert alert, string name)
    {
        var area = new XElement(Cap + "area", new XElement(Cap + "areaDesc", name));
        if (catalog.FindZone(alert.ZoneId ?? "") is { } zone)
            area.Add(new XElement(Cap + "circle", string.Create(CultureInfo.InvariantCulture, $"{zone.Lat:0.#####},{zone.Lon:0.#####} {ZoneRadiusKm:0.0}")));
        return area;
    }

    private static XElement Parameter(string name, string value) =>
        new(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));

    /// <summary>CAP times carry an explicit offset and no fractions of a second; the city's own offset is used.</summary>
    public static string CapTime(DateTimeOffset at) => CityTime.Local(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string MessageType(string kind) => kind switch
    {
        WebhookEvents.Raised => "Alert",
        WebhookEvents.Resolved => "Cancel",
        _ => "Update",
    };

    private static List<string> Categories(Alert alert)
    {
        var categories = alert.Domains.Select(d => d switch
        {
            AlertDomains.Air or AlertDomains.Water => "Env",
            AlertDomains.Rain or AlertDomains.Flood => "Met",
            AlertDomains.Traffic or AlertDomains.Parking => "Transport",
            AlertDomains.SensorHealth => "Infra",
            _ => "Other",
        }).Distinct().ToList();
        return categories.Count > 0 ? categories : ["Other"];
    }

    private static string Urgency(string severity) => severity switch
    {
        Severities.Critical or Severities.Major => "Immediate",
        Severities.Minor or Severities.Warning => "Expected",
        _ => "Unknown",
    };

    private static string Severity(string severity) => severity switch
    {
        Severities.Critical => "Extreme",
        Severities.Major => "Severe",
        Severities.Minor => "Moderate",
        Severities.Warning => "Minor",
        _ => "Unknown",
    };
}
