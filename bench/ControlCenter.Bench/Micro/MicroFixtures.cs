using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Scenarios.Day;
using ControlCenter.Scenarios.Ingest;
using ControlCenter.Simulator.Load;

namespace ControlCenter.Bench.Micro;

/// <summary>The shipped Hanoi catalogue and a realistic 500-reading batch, as the micro-benchmarks' shared inputs.</summary>
internal static class MicroFixtures
{
    public const int BatchSize = 500;

    public static readonly CityCatalog Catalog = CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json"));

    public static readonly ThresholdPacks Packs = ThresholdPacks.Defaults;

    /// <summary>One batch as the load generator writes it (UTF-8 JSON), stamped at <paramref name="now"/>.</summary>
    public static byte[] Batch(DateTimeOffset now)
    {
        var sensors = Catalog.Sensors.Where(s => !s.Retired)
            .Select(s => new CatalogSensor(s.Id, s.Kind, s.ZoneId, s.ParentId, s.ReportingIntervalSeconds, [.. s.Metrics], s.FreeFlowSpeedKmh, s.Retired))
            .ToList();
        var day = new NormalDay(new ControlCenter.Scenarios.Ingest.Catalog([.. Catalog.ParkingLots.Select(l => new CatalogLot(l.Id, l.Capacity, l.ZoneId))], sensors), seed: 1);
        using var writer = new LoadBatchWriter(day, sensors, new DateTimeOffset(now.Date, TimeSpan.Zero));
        return writer.Next(BatchSize, now).ToArray();
    }
}
