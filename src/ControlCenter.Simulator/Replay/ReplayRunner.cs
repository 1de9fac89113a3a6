using System.Text.Json;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Simulator.Replay;

/// <summary>Replays a slice of a recorded file: its timeline moved to end a minute ago, sent as a backfill.</summary>
public sealed class ReplayRunner(IngestClient client, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A shipped mapping by name (Replay/Mappings/{name}.json), or a mapping file by path.</summary>
    public static ReplayMapping LoadMapping(string nameOrPath)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(AppContext.BaseDirectory, "Replay", "Mappings", nameOrPath + ".json");
        if (!File.Exists(path)) throw new FileNotFoundException($"No mapping '{nameOrPath}' (shipped: hanoi-pm25-2017, birmingham-parking-2016).", path);
        return JsonSerializer.Deserialize<ReplayMapping>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"Mapping '{path}' is empty.");
    }

    public async Task<(List<ReplayRow> Rows, List<SkippedRow> Skipped)> Run(
        ReplayMapping mapping, string dataDirectory, int skip, int take, Action<string> log, CancellationToken cancellationToken)
    {
        var catalog = await client.Catalog(cancellationToken);
        var capacities = catalog.ParkingLots.ToDictionary(l => l.Id, l => l.Capacity);
        var lotCapacityBySensor = catalog.Sensors.Where(s => s.ParentId is not null && capacities.ContainsKey(s.ParentId))
            .ToDictionary(s => s.Id, s => capacities[s.ParentId!]);

        using var csv = new StreamReader(Path.Combine(dataDirectory, mapping.File));
        var (rows, skipped) = CsvReplay.Read(mapping, csv, lotCapacityBySensor, skip, take);
        foreach (var s in skipped.Take(20)) log($"replay: skipped line {s.Line}: {s.Reason}");
        if (skipped.Count > 20) log($"replay: … and {skipped.Count - 20} more skipped lines");

        await client.Send(CsvReplay.ShiftedReadings(rows, time.GetUtcNow().AddMinutes(-1)), cancellationToken);
        log($"replay {mapping.Name}: {rows.Count} rows replayed, {skipped.Count} skipped; {client.Report}");
        return (rows, skipped);
    }
}
