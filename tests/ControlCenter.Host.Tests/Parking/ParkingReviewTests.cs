using System.Globalization;
using System.Net;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Host.Wall.Review;
using ControlCenter.Storage.Parking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Parking;

/// <summary>
/// Incident review shows a lot's parking-app figures as they were, from the lot desk history: a session started
/// (T1) and ended and paid (T2) through the app on yesterday's city clock, then the review picture before, during
/// and after it and on the next city day, and the review page's parking board. A history row that cannot be written
/// never fails the app's request.
/// </summary>
public class ParkingReviewTests : SqliteHostFixture
{
    private const string Lot = "p-ltk-04";
    private const string OtherLot = "p-ltk-07";

    /// <summary>Yesterday's 08:00 in Hanoi: the whole morning lies in the past (review shows no future) and on one city day.</summary>
    private static readonly DateTimeOffset T0 = YesterdayEightOClock();

    private readonly FakeTimeProvider _clock = new(T0);
    private ParkingApp _app = null!;
    private Browser _browser = null!;
    private DateTimeOffset _t1, _t2;
    private long _fee;

    protected override bool WithKestrel => true;

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    private static DateTimeOffset YesterdayEightOClock()
    {
        var local = CityTime.Local(DateTimeOffset.UtcNow);
        return new DateTimeOffset(local.Date.AddDays(-1).AddHours(8), local.Offset);
    }

    [OneTimeSetUp]
    public async Task ParkOnce_FromT1ToT2()
    {
        _app = ParkingApp.For(Host);
        _browser = await Browser.Launch();
        await Host.CountAtGates(_clock.GetUtcNow(), (Lot, 4));
        _clock.Advance(TimeSpan.FromMinutes(1));
        _t1 = _clock.GetUtcNow();
        using var started = await _app.StartSession(Lot, "30H-111.22");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
        var id = (await ParkingApp.Body(started)).GetProperty("sessionId").GetString()!;

        _clock.Advance(TimeSpan.FromMinutes(95));
        _t2 = _clock.GetUtcNow();
        using var ended = await _app.End(id);
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ended.Content.ReadAsStringAsync());
        _fee = (await ParkingApp.Body(ended)).GetProperty("fee").GetProperty("totalVnd").GetInt64();
        Assert.That(_fee, Is.GreaterThan(0), "a fee to find in review");
        using var paid = await _app.Pay(id, _fee, "ref-review");
        Assert.That((await ParkingApp.Body(paid)).GetProperty("status").GetString(), Is.EqualTo("paid"));
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        _app.Dispose();
        await _browser.DisposeAsync();
    }

    /// <summary>The lot as review draws it at the moment.</summary>
    private async Task<IReadOnlyDictionary<string, object?>> ReviewedLot(DateTimeOffset at)
    {
        using var scope = Host.Services.CreateScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<WallMoment>().At(at, CancellationToken.None);
        Assert.That(snapshot.At, Is.EqualTo(at), "the moment lies in review's reach");
        return snapshot.States.Single(s => s.EntityId == Lot).Derived;
    }

    private static long? Number(IReadOnlyDictionary<string, object?> derived, string key) =>
        derived[key] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    private static (long? Open, long? Today, long? Revenue, long? Paid) AppFigures(IReadOnlyDictionary<string, object?> derived) =>
        (Number(derived, "sessionsOpen"), Number(derived, "sessionsToday"), Number(derived, "revenueTodayVnd"), Number(derived, "paidTodayVnd"));

    [Test]
    public async Task ReviewPicture_ShowsTheSessionOpenWhileItWas_AndItsFeeOnceEnded()
    {
        // Before the desk recorded anything the figures are unknown ("–"), not a made-up 0.
        var before = await ReviewedLot(T0.AddMinutes(-10));
        Assert.That(AppFigures(before), Is.EqualTo(((long?)null, (long?)null, (long?)null, (long?)null)));
        Assert.That(before["held"], Is.Null);
        Assert.That(AppFigures(await ReviewedLot(_t1.AddMinutes(30))), Is.EqualTo(((long?)1, (long?)1, (long?)0, (long?)0)), "parked, not yet ended");
        Assert.That(AppFigures(await ReviewedLot(_t2.AddMinutes(1))), Is.EqualTo(((long?)0, (long?)1, (long?)_fee, (long?)_fee)), "ended and paid");
        // The next city day (no row since): the day's counts start afresh, as the desk's tile did.
        var nextDay = new DateTimeOffset(CityTime.Local(T0).Date.AddDays(1).AddHours(2), T0.Offset);
        Assert.That(AppFigures(await ReviewedLot(nextDay)), Is.EqualTo(((long?)0, (long?)0, (long?)0, (long?)0)));
    }

    [Test]
    public async Task ReviewPage_ParkingBoard_ShowsTheDayAsItWas()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        var revenue = page.Locator($"#parking-board [data-lot-id='{Lot}'] [data-figure='revenueTodayVnd']");
        var today = page.Locator($"#parking-board [data-lot-id='{Lot}'] [data-figure='sessionsToday']");

        await OpenReviewAt(page, _t2.AddMinutes(1));
        await Assertions.Expect(revenue).ToHaveTextAsync(_fee.ToString("#,0", new CultureInfo("vi-VN")));
        await Assertions.Expect(today).ToHaveTextAsync("1");

        await OpenReviewAt(page, T0.AddMinutes(-10));
        await Assertions.Expect(revenue).ToHaveTextAsync("–");
        await Assertions.Expect(today).ToHaveTextAsync("–");
        await page.Context.CloseAsync();
    }

    private static async Task OpenReviewAt(IPage page, DateTimeOffset at)
    {
        var local = CityTime.Local(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        await page.GotoAsync("/?at=" + Uri.EscapeDataString(local));
        await Assertions.Expect(page.Locator("#review-banner")).ToHaveAttributeAsync("data-at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await page.ClickAsync("#side-parking");
    }

    [Test]
    public async Task AppRequest_Succeeds_WhenTheHistoryCannotBeWritten_AndTheFailureIsCounted()
    {
        var history = Host.Services.GetRequiredService<LotDeskHistory>();
        await Host.CountAtGates(_clock.GetUtcNow(), (OtherLot, 1));
        var failures = history.Failures;
        await ExecuteOnTheDatabase("ALTER TABLE lot_desk_history RENAME TO lot_desk_history_away");
        try
        {
            using var started = await _app.StartSession(OtherLot, "30H-333.44");
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
            Assert.That(history.Failures, Is.GreaterThan(failures), "the lost row is counted");
            var id = (await ParkingApp.Body(started)).GetProperty("sessionId").GetString()!;
            Assert.That((await _app.Read($"/api/v1/parking/sessions/{id}")).GetProperty("status").GetString(), Is.EqualTo(ParkingSession.Open));
        }
        finally
        {
            await ExecuteOnTheDatabase("ALTER TABLE lot_desk_history_away RENAME TO lot_desk_history");
        }
    }
}
