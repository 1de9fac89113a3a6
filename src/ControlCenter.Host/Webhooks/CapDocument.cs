using System.Globalization;
using System.Xml.Linq;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Cap;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// An alert change as an OASIS CAP 1.2 <c>alert</c>: one <c>info</c> in Vietnamese and one in English, the zone as
/// the area. Elements are written in the order the CAP 1.2 schema requires.
/// </summary>
public sealed class CapDocument(CityCatalog catalog, IOptions<WebhookOptions> options)
{
    private static readonly XNamespace Cap = CapCodes.Cap;

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
            new XElement(Cap + "sent", CapCodes.Time(n.At)),
            new XElement(Cap + "status", "Actual"),
            new XElement(Cap + "msgType", MessageType(n.Event)),
            scope,
            new XElement(Cap + "code", $"event:{n.Event}"),
            // Every message about one alert names it as the incident, so a receiver can group them.
            new XElement(Cap + "incidents", alert.Id),
            Info(alert, n.Event, "vi-VN", alert.Title, catalog.FindZone(alert.ZoneId ?? "")?.Name ?? "Hà Nội"),
            Info(alert, n.Event, "en-US", alert.TitleEn, catalog.FindZone(alert.ZoneId ?? "")?.NameEn ?? "Hanoi"));
        return CapCodes.ToBytes(document);
    }

    private XElement Info(Alert alert, string kind, string language, string headline, string areaName) =>
        new(Cap + "info",
            new XElement(Cap + "language", language),
            CapCodes.Categories(alert.Domains, d => d == AlertDomains.SensorHealth ? "Infra" : "Other", "Other").Select(c => new XElement(Cap + "category", c)),
            new XElement(Cap + "event", AlertRules.Find(alert.RuleId) is { } rule ? (language == "vi-VN" ? rule.Title : rule.TitleEn) : alert.RuleId),
            new XElement(Cap + "urgency", kind == WebhookEvents.Resolved ? "Past" : CapCodes.Urgency(alert.Severity)),
            new XElement(Cap + "severity", CapCodes.Severity(alert.Severity)),
            new XElement(Cap + "certainty", "Observed"),
            new XElement(Cap + "senderName", language == "vi-VN" ? "Trung tâm điều hành đô thị thông minh Hà Nội" : "Hanoi smart-city operations centre"),
            new XElement(Cap + "headline", CapCodes.Headline(headline)),
            Parameter("alertId", alert.Id), Parameter("version", alert.Version.ToString(CultureInfo.InvariantCulture)),
            Parameter("status", alert.Status), Parameter("escalationLevel", alert.EscalationLevel.ToString(CultureInfo.InvariantCulture)),
            Area(alert, areaName));

    private XElement Area(Alert alert, string name)
    {
        var area = new XElement(Cap + "area", new XElement(Cap + "areaDesc", name));
        if (catalog.FindZone(alert.ZoneId ?? "") is { } zone)
            area.Add(new XElement(Cap + "circle", CapCodes.Circle(zone.Lat, zone.Lon, ZoneRadiusKm)));
        return area;
    }

    private static XElement Parameter(string name, string value) =>
        new(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));

    private static string MessageType(string kind) => kind switch
    {
        WebhookEvents.Raised => "Alert",
        WebhookEvents.Resolved => "Cancel",
        _ => "Update",
    };
}
