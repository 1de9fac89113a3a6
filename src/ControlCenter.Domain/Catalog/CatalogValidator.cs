namespace ControlCenter.Domain.Catalog;

/// <summary>The rules a catalogue must keep before any grain is built on it.</summary>
public static class CatalogValidator
{
    public static IReadOnlyList<string> Validate(CatalogDocument catalog)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var zoneIds = catalog.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        var lots = catalog.ParkingLots.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var junctionIds = catalog.Junctions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);

        void CheckId(string id, string what)
        {
            if (!EntityId.IsValid(id)) problems.Add($"{what} id '{id}' is not [a-z0-9-]{{1,64}}.");
            else if (id == EntityKinds.CityId) problems.Add($"{what} id '{id}' is reserved for the city summary.");
            else if (!ids.Add(id)) problems.Add($"{what} id '{id}' is used twice.");
        }

        void CheckPlace(string id, string name, string nameEn, double lat, double lon, string? zoneId)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(nameEn)) problems.Add($"'{id}' needs name and nameEn.");
            if (lat is < -90 or > 90 || lon is < -180 or > 180) problems.Add($"'{id}' has coordinates off the globe.");
            if (zoneId is not null && !zoneIds.Contains(zoneId)) problems.Add($"'{id}' names unknown zone '{zoneId}'.");
        }

        foreach (var z in catalog.Zones) { CheckId(z.Id, "zone"); CheckPlace(z.Id, z.Name, z.NameEn, z.Lat, z.Lon, null); }
        foreach (var l in catalog.ParkingLots)
        {
            CheckId(l.Id, "parking lot");
            CheckPlace(l.Id, l.Name, l.NameEn, l.Lat, l.Lon, l.ZoneId);
            if (l.Capacity <= 0) problems.Add($"lot '{l.Id}' has capacity {l.Capacity}.");
        }

        foreach (var j in catalog.Junctions) { CheckId(j.Id, "junction"); CheckPlace(j.Id, j.Name, j.NameEn, j.Lat, j.Lon, j.ZoneId); }
        foreach (var s in catalog.Sensors)
        {
            CheckId(s.Id, "sensor");
            CheckPlace(s.Id, s.Name, s.NameEn, s.Lat, s.Lon, s.ZoneId);
            CheckSensor(s, lots, junctionIds, problems);
        }

        foreach (var w in catalog.WalkingStreets ?? [])
        {
            CheckId(w.Id, "walking street");
            CheckWalkingStreet(w, zoneIds, junctionIds, problems);
        }

        CheckLotCoverage(catalog, problems);
        return problems;
    }

    private static void CheckSensor(Sensor s, Dictionary<string, ParkingLot> lots, HashSet<string> junctionIds, List<string> problems)
    {
        if (!Metrics.IsKnownKind(s.Kind)) { problems.Add($"sensor '{s.Id}' has unknown kind '{s.Kind}'."); return; }
        if (s.ReportingIntervalSeconds <= 0) problems.Add($"sensor '{s.Id}' needs a positive reportingIntervalSeconds.");
        var known = Metrics.For(s.Kind);
        foreach (var m in s.Metrics.Where(m => !known.ContainsKey(m)))
            problems.Add($"sensor '{s.Id}' lists metric '{m}' that kind '{s.Kind}' does not have.");

        var needsLot = s.Kind is SensorKinds.ParkingSpot or SensorKinds.ParkingGate;
        var needsJunction = s.Kind == SensorKinds.Traffic;
        if (needsLot && (s.ParentId is null || !lots.ContainsKey(s.ParentId)))
            problems.Add($"sensor '{s.Id}' must name its parking lot as parentId.");
        if (needsJunction && (s.ParentId is null || !junctionIds.Contains(s.ParentId)))
            problems.Add($"sensor '{s.Id}' must name its junction as parentId.");
        if (!needsLot && !needsJunction && s.ParentId is not null)
            problems.Add($"sensor '{s.Id}' of kind '{s.Kind}' cannot have a parent.");
        if (needsJunction && s.FreeFlowSpeedKmh is not > 0)
            problems.Add($"traffic sensor '{s.Id}' needs freeFlowSpeedKmh.");
        if (s.Kind == SensorKinds.VisitorCounter && s.Capacity is not > 0)
            problems.Add($"visitor counter '{s.Id}' needs a positive capacity (people its point holds).");
        if (needsLot && s.ParentId is not null && lots.TryGetValue(s.ParentId, out var lot) && lot.ZoneId != s.ZoneId)
            problems.Add($"sensor '{s.Id}' is in zone '{s.ZoneId}' but its lot is in '{lot.ZoneId}'.");
    }

    private static void CheckWalkingStreet(WalkingStreet w, HashSet<string> zoneIds, HashSet<string> junctionIds, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(w.Name) || string.IsNullOrWhiteSpace(w.NameEn)) problems.Add($"'{w.Id}' needs name and nameEn.");
        if (!zoneIds.Contains(w.ZoneId)) problems.Add($"'{w.Id}' names unknown zone '{w.ZoneId}'.");
        var path = w.Path ?? [];
        if (path.Count < 2 || path.Any(p => p is null || p.Count != 2 || p[0] is < -90 or > 90 || p[1] is < -180 or > 180))
            problems.Add($"walking street '{w.Id}' needs a path of at least two [lat, lon] points on the globe.");
        var hours = w.Hours ?? [];
        if (hours.Count == 0) problems.Add($"walking street '{w.Id}' needs its weekly hours.");
        foreach (var window in hours.Where(h => h is null || !WalkingHours.IsValid(h)))
            problems.Add($"walking street '{w.Id}' has hours '{window?.Opens}' to '{window?.Closes}'; write them as \"friday 19:00\" to \"sunday 24:00\".");
        foreach (var junction in (w.EdgeJunctionIds ?? []).Where(j => !junctionIds.Contains(j)))
            problems.Add($"walking street '{w.Id}' names unknown edge junction '{junction}'.");
    }

    /// <summary>Each lot is counted either by one spot sensor per space or by exactly one gate counter.</summary>
    private static void CheckLotCoverage(CatalogDocument catalog, List<string> problems)
    {
        foreach (var lot in catalog.ParkingLots)
        {
            var sensors = catalog.Sensors.Where(s => s.ParentId == lot.Id && !s.Retired).ToList();
            var spots = sensors.Count(s => s.Kind == SensorKinds.ParkingSpot);
            var gates = sensors.Count(s => s.Kind == SensorKinds.ParkingGate);
            var covered = (spots == lot.Capacity && gates == 0) || (spots == 0 && gates == 1);
            if (!covered)
                problems.Add($"lot '{lot.Id}' (capacity {lot.Capacity}) has {spots} spot sensors and {gates} gate counters; "
                    + "it needs one spot sensor per space or exactly one gate counter.");
        }
    }
}
