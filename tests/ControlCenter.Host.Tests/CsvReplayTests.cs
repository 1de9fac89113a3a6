using ControlCenter.Simulator.Replay;

namespace ControlCenter.Host.Tests;

/// <summary>The replay's CSV reading on its own: no host, only the file's text.</summary>
public class CsvReplayTests
{
    private static readonly ReplayMapping Parking = new()
    {
        Name = "quoted",
        TimestampColumn = "LastUpdated",
        TimestampFormat = "yyyy-MM-dd HH:mm:ss",
        KeyColumn = "SystemCodeNumber",
        Sensors = new() { ["NIA, North"] = "pg-thd-04", ["Car \"Park\" 2"] = "pg-ltk-07" },
        Metric = "occupiedCount",
        ValueColumn = "Occupancy",
        CapacityColumn = "Capacity",
    };

    [Test]
    public void AQuotedField_HoldingTheSeparator_IsOneField()
    {
        const string csv = """
            SystemCodeNumber,Capacity,Occupancy,LastUpdated
            "NIA, North",200,50,2016-10-04 07:59:42
            "Car ""Park"" 2",100,20,2016-10-04 08:00:00
            NIA,200,60,2016-10-04 08:25:42
            """;
        var (rows, skipped) = CsvReplay.Read(Parking, new StringReader(csv), new Dictionary<string, int> { ["pg-thd-04"] = 20, ["pg-ltk-07"] = 10 }, 0, int.MaxValue);

        Assert.That(skipped, Is.Empty);
        Assert.That(rows.Select(r => (r.Line, r.SensorId, r.Value)), Is.EqualTo(new[] { (2, "pg-thd-04", 5.0), (3, "pg-ltk-07", 2.0) }),
            "scaled to each lot; the unquoted NIA is another car park, not replayed");
    }

    [Test]
    public void ARowWithTooFewFields_IsSkipped_WithItsLine()
    {
        const string csv = """
            SystemCodeNumber,Capacity,Occupancy,LastUpdated
            "NIA, North",200
            "NIA, North",200,50,2016-10-04 07:59:42
            """;
        var (rows, skipped) = CsvReplay.Read(Parking, new StringReader(csv), new Dictionary<string, int>(), 0, int.MaxValue);

        Assert.That(skipped.Select(s => s.Line), Is.EqualTo(new[] { 2 }));
        Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 3 }));
    }
}
