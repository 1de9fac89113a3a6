using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall;

/// <summary>
/// One map marker as the wall's script draws it. <c>Status</c> is what the thresholds said
/// (ok, warning, alert; stale when old, offline or never heard): a cluster takes its worst member's.
/// </summary>
public sealed record MapMarker(string Id, string Layer, double Lat, double Lon, string Colour, string Text, string Title, bool Stale, string Status = "ok")
{
    /// <summary>Dark text on a light colour (VN_AQI's yellow and green), white on the rest.</summary>
    public bool DarkText => MapMarkers.IsLight(Colour);
}

/// <summary>
/// Which entities the map shows (lots, junctions, air, lake, rain, flood, tourist points) and how: colour from the status the
/// thresholds gave, a short figure, and grey with its age when stale or offline — never "good".
/// </summary>
public static class MapMarkers
{
    public static readonly string[] Layers = ["parking", "traffic", "air", "water", "rain", "flood", "tourism"];

    public const string Grey = "#8a8f98";

    public static IEnumerable<(string Id, string Layer, double Lat, double Lon, string Name, string NameEn)> Places(CityCatalog catalog) =>
        catalog.ParkingLots.Select(l => (l.Id, "parking", l.Lat, l.Lon, l.Name, l.NameEn))
            .Concat(catalog.Junctions.Select(j => (j.Id, "traffic", j.Lat, j.Lon, j.Name, j.NameEn)))
            .Concat(catalog.Sensors.Where(s => !s.Retired && s.ParentId is null && s.Kind is SensorKinds.Air or SensorKinds.Water or SensorKinds.Rain or SensorKinds.Flood)
                .Select(s => (s.Id, SensorKinds.DomainOf(s.Kind)!, s.Lat, s.Lon, s.Name, s.NameEn)))
            .Concat(catalog.Sensors.Where(s => !s.Retired && s.Kind == SensorKinds.VisitorCounter)
                .Select(s => (s.Id, SensorKinds.DomainOf(s.Kind)!, s.Lat, s.Lon, TouristPoint.Name(s, false), TouristPoint.Name(s, true))));

    /// <param name="words">The wall's words, for titles that name a level (a tourist point's crowding).</param>
    public static MapMarker Of((string Id, string Layer, double Lat, double Lon, string Name, string NameEn) place, EntityState? state, bool english, DateTimeOffset now,
        IStringLocalizer? words = null)
    {
        var name = english ? place.NameEn : place.Name;
        if (state is null || state.Ts is null)
            return new(place.Id, place.Layer, place.Lat, place.Lon, Grey, "–", $"{name}: {(english ? "no data yet" : "chưa có số liệu")}", true, "stale");
        var stale = state.Status is "stale" or "offline";
        var (colour, text) = place.Layer switch
        {
            "parking" => Lot(state),
            "traffic" => (Los(Text(state, "levelOfService")), Short(Text(state, "levelOfService"))),
            "air" => (Text(state, "aqiColour") ?? Grey, Number(state, "aqi", "0")),
            "water" => (DissolvedOxygen(state), Number(state, "do", null, fromValues: true)),
            "rain" => (Rain(Text(state, "intensity")), Number(state, "rain1hMm", "0.#")),
            "flood" => (Flood(Text(state, "floodLevel")), Number(state, "depthCm", "0", fromValues: true)),
            "tourism" => (CrowdingColour(Text(state, "crowding")), People(state)),
            _ => (Grey, ""),
        };
        var age = now - state.Ts.Value;
        var title = stale
            ? $"{name}: {(english ? $"{state.Status}, last heard {Age(age, true)} ago" : $"{(state.Status == "offline" ? "mất kết nối" : "số liệu cũ")}, {Age(age, false)} trước")}"
            : place.Layer == "tourism" ? $"{name}: {TouristPoint.Describe(state, words)}"
            : $"{name}: {WithUnit(place.Layer, text, english)}";
        return new(place.Id, place.Layer, place.Lat, place.Lon, stale ? Grey : colour, stale ? Age(age, english) : text, title, stale,
            stale ? "stale" : state.Status is "warning" or "alert" ? state.Status : "ok");
    }

    /// <summary>A marker's figure with what it counts, for its title (the marker itself draws the unit with CSS).</summary>
    private static string WithUnit(string layer, string figure, bool english) => layer switch
    {
        "parking" => $"{figure} {(english ? "free spaces" : "chỗ trống")}",
        "traffic" => $"{(english ? "level of service" : "mức phục vụ")} {figure}",
        "air" => $"VN_AQI {figure}",
        "water" => $"DO {figure} mg/L",
        "rain" => $"{figure} mm {(english ? "in the last hour" : "trong 1 giờ")}",
        "flood" => $"{figure} cm",
        _ => figure,
    };

    /// <summary>
    /// Lake water by its dissolved oxygen against QCVN 08 (thresholds.md): class A ≥ 6, B ≥ 5, B1 ≥ 4 mg/L, below
    /// 4 warns, below 2 is a fish-kill risk. Without a DO reading, the status the rules gave.
    /// </summary>
    public static string DissolvedOxygen(EntityState state) => !state.Values.TryGetValue("do", out var mgPerLitre)
        ? Status(state.Status)
        : mgPerLitre >= 6 ? "#1b7fc4" : mgPerLitre >= 5 ? "#2e7d32" : mgPerLitre >= 4 ? "#9e9d24" : mgPerLitre >= 2 ? "#f57c00" : "#d32f2f";

    public const string LotClosed = "#5c0a0a";

    private static (string, string) Lot(EntityState state)
    {
        if (state.Derived.TryGetValue("available", out var available) && available is false) return (LotClosed, "✕");
        var free = Number(state, "free", "0");
        var occupancy = state.Derived.TryGetValue("occupancy", out var o) && o is not null ? Convert.ToDouble(o, CultureInfo.InvariantCulture) : 0;
        return (Occupancy(occupancy), free);
    }

    /// <summary>A lot is full at 95 % (thresholds.md); from 80 % it is filling.</summary>
    public static string Occupancy(double occupancy) => occupancy >= 0.95 ? "#d32f2f" : occupancy >= 0.8 ? "#f57c00" : "#2e7d32";

    public static string Los(string? los) => los switch
    {
        "free-flowing" => "#2e7d32", "dense" => "#fbc02d", "congested" => "#f57c00", "jammed" => "#d32f2f", _ => Grey,
    };

    private static string Short(string? los) => los switch
    {
        "free-flowing" => "A", "dense" => "B", "congested" => "C", "jammed" => "D", _ => "?",
    };

    public static string Rain(string? intensity) => intensity switch
    {
        "light" => "#81d4fa", "moderate" => "#29b6f6", "heavy" => "#1565c0", "violent" => "#6a1b9a", _ => "#b0bec5",
    };

    public static string Flood(string? level) => level switch
    {
        "warning" => "#fbc02d", "major" => "#f57c00", "critical" => "#d32f2f", _ => "#2e7d32",
    };

    public static string CrowdingColour(string? level) => level switch
    {
        Crowding.Comfortable => "#2e7d32", Crowding.Busy => "#fbc02d", Crowding.Crowded => "#f57c00", Crowding.Overcrowded => "#d32f2f", _ => Grey,
    };

    /// <summary>People present, short enough for a marker: 950, 8,4k (in the wall's culture), 12k.</summary>
    public static string People(EntityState state)
    {
        if (!state.Values.TryGetValue("present", out var present)) return "–";
        return present < 1000
            ? present.ToString("0", CultureInfo.CurrentCulture)
            : (present / 1000).ToString("0.#", CultureInfo.CurrentCulture) + "k";
    }

    public static string Status(string status) => status switch
    {
        "ok" => "#2e7d32", "warning" => "#f57c00", "alert" => "#d32f2f", _ => Grey,
    };

    private static string? Text(EntityState state, string key) => state.Derived.TryGetValue(key, out var v) ? v?.ToString() : null;

    private static string Number(EntityState state, string key, string? format, bool fromValues = false)
    {
        object? value = fromValues ? state.Values.TryGetValue(key, out var v) ? v : null : state.Derived.GetValueOrDefault(key);
        if (value is null) return "–";
        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return format is null ? number.ToString("0.0", CultureInfo.CurrentCulture) : number.ToString(format, CultureInfo.CurrentCulture);
    }

    /// <summary>Whether a #rrggbb or rgb(r,g,b) colour is light enough that white text on it would not read (relative luminance).</summary>
    public static bool IsLight(string colour)
    {
        int[]? channels = null;
        if (colour.StartsWith('#') && colour.Length == 7)
            channels = [Convert.ToInt32(colour[1..3], 16), Convert.ToInt32(colour[3..5], 16), Convert.ToInt32(colour[5..7], 16)];
        else if (colour.StartsWith("rgb(", StringComparison.Ordinal) && colour.EndsWith(')'))
            channels = [.. colour[4..^1].Split(',').Select(c => int.Parse(c.Trim(), CultureInfo.InvariantCulture))];
        if (channels is not { Length: 3 }) return false;
        return 0.2126 * Linear(channels[0]) + 0.7152 * Linear(channels[1]) + 0.0722 * Linear(channels[2]) > 0.4;
    }

    private static double Linear(int channel)
    {
        var v = channel / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    public static string Age(TimeSpan age, bool english) =>
        age.TotalMinutes < 1 ? (english ? "<1 min" : "<1 phút")
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} {(english ? "min" : "phút")}"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} {(english ? "h" : "giờ")}"
        : $"{(int)age.TotalDays} {(english ? "d" : "ngày")}";
}
