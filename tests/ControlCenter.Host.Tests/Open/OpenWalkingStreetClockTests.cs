using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Domain;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The walking streets on a fake city clock: open on a Saturday evening until Sunday 24:00, and closed once the
/// week turns, with the next opening on Friday 19:00 — the public answer follows the clock by itself, with no
/// reading to move it.
/// </summary>
public class OpenWalkingStreetClockTests : SqliteHostFixture
{
    private readonly FakeTimeProvider _clock = new(LastSaturdayEvening());

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    private static DateTimeOffset LastSaturdayEvening()
    {
        var local = CityTime.Local(DateTimeOffset.UtcNow);
        var daysBack = ((int)local.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7 + 7;
        return new DateTimeOffset(local.Date.AddDays(-daysBack).AddHours(20), local.Offset);
    }

    private async Task<JsonElement> Lake()
    {
        using var anonymous = Host.Anonymous();
        var body = await anonymous.GetFromJsonAsync<JsonElement>("/open/v1/tourism");
        return body.GetProperty("data").GetProperty("walkingStreets").EnumerateArray().Single(w => w.GetProperty("id").GetString() == "ws-ho-guom");
    }

    [Test]
    public async Task WalkingStreet_OpenOnSaturdayEvening_ClosesAtTheWeeksTurn_AndSaysWhenItOpens()
    {
        var saturday = _clock.GetUtcNow();
        var open = await Lake();
        Assert.That(open.GetProperty("openNow").GetBoolean(), Is.True, "Saturday 20:00 is within Friday 19:00 – Sunday 24:00");
        Assert.That(open.GetProperty("nextChange").GetDateTimeOffset(),
            Is.EqualTo(new DateTimeOffset(CityTime.Local(saturday).Date.AddDays(2), CityTime.Local(saturday).Offset)), "Sunday 24:00 is Monday 00:00");

        _clock.Advance(TimeSpan.FromHours(36)); // Monday 08:00
        var closed = await Eventually.Until(Lake, w => !w.GetProperty("openNow").GetBoolean(), "the walking space closed after Sunday 24:00");
        Assert.That(closed.GetProperty("nextChange").GetDateTimeOffset(),
            Is.EqualTo(new DateTimeOffset(CityTime.Local(saturday).Date.AddDays(6).AddHours(19), CityTime.Local(saturday).Offset)), "Friday 19:00");
    }
}
