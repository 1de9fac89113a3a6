using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>The host starts the city sweeper at warm-up, and its reminder sweeps the whole catalogue (embedded profile, in-memory reminders).</summary>
public class CitySweeperTests
{
    [Test]
    public async Task EmbeddedHost_AfterStart_SweeperReminderChecksEverySensorZoneAndLotDesk()
    {
        using var data = new TempDirectory();
        await using var host = CityHost.OnSqlite(data.Path, ("Orleans:SweepPeriod", "00:00:01"));
        await host.WaitUntilReady();
        var catalog = host.Services.GetRequiredService<CityCatalog>();
        var sweeper = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICitySweeperGrain>(0);

        var report = await Eventually.Until(() => sweeper.LastSweep(), r => r is not null, "the sweep reminder to fire", TimeSpan.FromSeconds(30));

        Assert.That((report!.Sensors, report.Zones, report.LotDesks, report.Failed),
            Is.EqualTo((catalog.Sensors.Count(s => !s.Retired), catalog.Zones.Count, catalog.ParkingLots.Count, 0)));
    }
}
