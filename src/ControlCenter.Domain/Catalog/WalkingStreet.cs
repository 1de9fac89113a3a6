namespace ControlCenter.Domain.Catalog;

/// <summary>
/// A walking street (phố đi bộ): streets closed to traffic for people on foot during weekly hours, such as the
/// walking space round Hoàn Kiếm lake from Friday 19:00 to Sunday 24:00. The path is drawn on the map; the edge
/// junctions are where the closed streets' traffic is turned away, so their jams are the closure's to handle.
/// </summary>
/// <param name="Path">The closed streets as a line of [lat, lon] points.</param>
/// <param name="Hours">When it is open to walkers, in city time.</param>
public sealed record WalkingStreet(
    string Id, string Name, string NameEn, string ZoneId, IReadOnlyList<string> Streets,
    IReadOnlyList<IReadOnlyList<double>> Path, IReadOnlyList<WeeklyWindow> Hours, IReadOnlyList<string> EdgeJunctionIds);

/// <summary>One weekly opening, "friday 19:00" to "sunday 24:00" (English day names, 24-hour city time).</summary>
public sealed record WeeklyWindow(string Opens, string Closes);
