using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The structural rules of the OASIS CAP 1.2 schema a receiver relies on: the namespace, every required element,
/// elements in the schema's order (a sequence), only the repeatable ones repeated, and the closed code lists.
/// </summary>
public static partial class CapShape
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly string[] AlertOrder =
        ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info"];

    private static readonly string[] InfoOrder =
    [
        "language", "category", "event", "responseType", "urgency", "severity", "certainty", "audience", "eventCode", "effective", "onset",
        "expires", "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area",
    ];

    private static readonly string[] AreaOrder = ["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"];

    private static readonly HashSet<string> Repeatable =
        ["code", "info", "category", "responseType", "eventCode", "parameter", "resource", "area", "polygon", "circle", "geocode"];

    private static readonly Dictionary<string, string[]> Codes = new()
    {
        ["status"] = ["Actual", "Exercise", "System", "Test", "Draft"],
        ["msgType"] = ["Alert", "Update", "Cancel", "Ack", "Error"],
        ["scope"] = ["Public", "Restricted", "Private"],
        ["category"] = ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"],
        ["responseType"] = ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"],
        ["urgency"] = ["Immediate", "Expected", "Future", "Past", "Unknown"],
        ["severity"] = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"],
        ["certainty"] = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"],
    };

    public static void AssertValid(XElement alert)
    {
        Assert.That(alert.Name, Is.EqualTo(Cap + "alert"));
        Sequence(alert, AlertOrder, ["identifier", "sender", "sent", "status", "msgType", "scope"]);
        Assert.That(Text(alert, "identifier"), Does.Not.Match("[ ,<&]"), "identifier has no space, comma, < or &");
        Assert.That(Text(alert, "sender"), Does.Not.Match("[ ,<&]"), "sender has no space, comma, < or &");
        Assert.That(Text(alert, "sent"), Does.Match(CapTime().ToString()), "sent");
        if (alert.Element(Cap + "references") is { } references)
        {
            foreach (var reference in references.Value.Split(' '))
                Assert.That(reference, Does.Match($"^[^ ,]+,[^ ,]+,{CapTime().ToString().TrimStart('^')}"), "each reference is sender,identifier,sent");
        }

        foreach (var info in alert.Elements(Cap + "info"))
        {
            Sequence(info, InfoOrder, ["category", "event", "urgency", "severity", "certainty"]);
            foreach (var area in info.Elements(Cap + "area"))
            {
                Sequence(area, AreaOrder, ["areaDesc"]);
                foreach (var circle in area.Elements(Cap + "circle"))
                    Assert.That(circle.Value, Does.Match(@"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)? \d+(\.\d+)?$"), "circle is 'lat,lon radius'");
            }
        }
    }

    public static string Text(XElement parent, string name) => parent.Element(Cap + name)?.Value ?? "";

    private static void Sequence(XElement parent, string[] order, string[] required)
    {
        var names = parent.Elements().Select(e => e.Name).ToList();
        Assert.That(names.All(n => n.Namespace == Cap && order.Contains(n.LocalName)), Is.True,
            $"{parent.Name.LocalName} holds only CAP 1.2 elements: {string.Join(", ", names)}");
        var positions = names.Select(n => Array.IndexOf(order, n.LocalName)).ToList();
        Assert.That(positions, Is.Ordered, $"{parent.Name.LocalName}'s elements in the schema's order: {string.Join(", ", names.Select(n => n.LocalName))}");
        foreach (var group in names.GroupBy(n => n.LocalName).Where(g => g.Count() > 1))
            Assert.That(Repeatable, Does.Contain(group.Key), $"only repeatable elements repeat: {group.Key}");
        foreach (var name in required)
            Assert.That(parent.Element(Cap + name), Is.Not.Null, $"{parent.Name.LocalName} has its required {name}");
        foreach (var element in parent.Elements().Where(e => Codes.ContainsKey(e.Name.LocalName)))
            Assert.That(Codes[element.Name.LocalName], Does.Contain(element.Value), $"{element.Name.LocalName} is a CAP code");
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")]
    private static partial Regex CapTime();
}
