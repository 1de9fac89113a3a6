using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Feed;

/// <summary>
/// The feed's topics: a domain (<c>parking</c>, <c>air</c>, <c>water</c>, <c>rain</c>, <c>flood</c>,
/// <c>traffic</c>, <c>tourism</c>), <c>alerts</c>, <c>kpi</c>, <c>zone:{zoneId}</c> or <c>entity:{id}</c>.
/// </summary>
public static class FeedTopics
{
    public const string Alerts = "alerts";
    public const string Kpi = "kpi";
    public const string ZonePrefix = "zone:";
    public const string EntityPrefix = "entity:";

    public static readonly IReadOnlySet<string> Domains = new HashSet<string>(StringComparer.Ordinal)
        { "parking", "air", "water", "rain", "flood", "traffic", "tourism" };

    /// <returns>null when the topic is valid, else why not.</returns>
    public static string? Validate(string? topic, CityCatalog catalog)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > 80) return "a topic is a short non-empty string";
        if (Domains.Contains(topic) || topic is Alerts or Kpi) return null;
        if (topic.StartsWith(ZonePrefix, StringComparison.Ordinal))
            return catalog.FindZone(topic[ZonePrefix.Length..]) is null ? $"no zone '{topic[ZonePrefix.Length..]}'" : null;
        if (topic.StartsWith(EntityPrefix, StringComparison.Ordinal))
        {
            var id = topic[EntityPrefix.Length..];
            return EntityId.IsValid(id) && catalog.EntityKindOf(id) is not null ? null : $"no entity '{id}'";
        }

        return $"unknown topic '{topic}' (use parking, air, water, rain, flood, traffic, tourism, alerts, kpi, zone:{{id}} or entity:{{id}})";
    }

    /// <summary>The domain topic an entity's state belongs to (none for zones and the city).</summary>
    public static string? DomainOf(EntityState state) => state.Kind switch
    {
        EntityKinds.ParkingLot => "parking",
        EntityKinds.Junction => "traffic",
        EntityKinds.Zone or EntityKinds.City => null,
        _ => SensorKinds.DomainOf(state.Kind),
    };

    /// <summary>Every topic a state change is published under.</summary>
    public static IEnumerable<string> Of(EntityState state)
    {
        if (DomainOf(state) is { } domain) yield return domain;
        if (state.Kind != EntityKinds.City) yield return ZonePrefix + state.ZoneId;
        yield return EntityPrefix + state.EntityId;
    }

    /// <summary>Every topic an alert change is published under: alerts, its zone, and each of its entities.</summary>
    public static IEnumerable<string> Of(Alert alert)
    {
        yield return Alerts;
        if (alert.ZoneId is { } zone) yield return ZonePrefix + zone;
        foreach (var id in alert.EntityIds) yield return EntityPrefix + id;
    }

    /// <summary>The ids whose current state a snapshot of this topic holds.</summary>
    public static IEnumerable<string> EntityIds(string topic, CityCatalog catalog)
    {
        if (Domains.Contains(topic))
        {
            var sensors = catalog.Sensors.Where(s => !s.Retired && SensorKinds.DomainOf(s.Kind) == topic).Select(s => s.Id);
            return topic switch
            {
                "parking" => catalog.ParkingLots.Select(l => l.Id).Concat(sensors),
                "traffic" => catalog.Junctions.Select(j => j.Id).Concat(sensors),
                _ => sensors,
            };
        }

        if (topic.StartsWith(ZonePrefix, StringComparison.Ordinal))
        {
            var zone = topic[ZonePrefix.Length..];
            return new[] { zone }
                .Concat(catalog.ParkingLots.Where(l => l.ZoneId == zone).Select(l => l.Id))
                .Concat(catalog.Junctions.Where(j => j.ZoneId == zone).Select(j => j.Id))
                .Concat(catalog.Sensors.Where(s => s.ZoneId == zone && !s.Retired).Select(s => s.Id));
        }

        return topic.StartsWith(EntityPrefix, StringComparison.Ordinal) ? [topic[EntityPrefix.Length..]] : [];
    }
}
