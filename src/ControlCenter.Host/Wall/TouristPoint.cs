using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall;

/// <summary>How the wall speaks of a tourist point: by the place's name and its crowd against its capacity.</summary>
public static class TouristPoint
{
    // The catalogue names the device ("Đếm khách chợ đêm Đồng Xuân"); operators think of the place.
    private static readonly string[] CounterPrefixes = ["Đếm khách ", "Visitor counter "];

    public static string Name(Sensor counter, bool english)
    {
        var name = english ? counter.NameEn : counter.Name;
        foreach (var prefix in CounterPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
                return char.ToUpper(name[prefix.Length], CultureInfo.InvariantCulture) + name[(prefix.Length + 1)..];
        }

        return name;
    }

    /// <summary>The point's name when the id is a visitor counter, else null.</summary>
    public static string? NameOf(string? id, CityCatalog catalog, bool english) =>
        id is not null && catalog.FindSensor(id) is { Kind: SensorKinds.VisitorCounter } counter ? Name(counter, english) : null;

    /// <summary>"8.400/8.000 người · quá tải (105%)": present of capacity, then the crowding level and share.</summary>
    public static string Describe(EntityState state, IStringLocalizer? words)
    {
        var present = state.Values.TryGetValue("present", out var p) ? p.ToString("#,0", CultureInfo.CurrentCulture) : "–";
        var capacity = Figure(state, "capacity") is { } c ? "/" + c.ToString("#,0", CultureInfo.CurrentCulture) : "";
        var people = words?["People"] ?? "people";
        var level = state.Derived.GetValueOrDefault("crowding")?.ToString();
        var ratio = Figure(state, "crowdingRatio") is { } r ? $" ({Percent(r)})" : "";
        return level is null ? $"{present}{capacity} {people}" : $"{present}{capacity} {people} · {Crowding(level, words)}{ratio}";
    }

    public static string Crowding(string level, IStringLocalizer? words) =>
        words?["Crowding." + level] is { ResourceNotFound: false } word ? word.Value : level;

    public static string Percent(double ratio) => ratio.ToString("0%", CultureInfo.CurrentCulture);

    /// <summary>A derived number (the feed may carry it as any numeric type), or null.</summary>
    public static double? Figure(EntityState state, string key) =>
        state.Derived.GetValueOrDefault(key) is { } value and not string and not bool
            && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number : null;
}
