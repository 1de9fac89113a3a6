using Bunit;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall;
using ControlCenter.Host.Wall.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>A picture of the past drawn by the wall's own components: ages count from the moment shown, not from now.</summary>
public class ReviewedFeedTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset Moment = Time.GetUtcNow().AddHours(-5);

    [Test]
    public void Queue_ShowingAPastMoment_AgesTheAlertFromThatMoment()
    {
        using var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton<TimeProvider>(Time);
        context.Services.AddSingleton(CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("vi-VN");
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
        var feed = new WallFeed { AsOf = Moment };
        feed.Accept([], null, [new Alert
        {
            Id = "al-1", RuleId = "flood.depth", Scope = "fl-tran-hung-dao", Title = "Ngập", TitleEn = "Flooding", Severity = "critical",
            ZoneId = "hoan-kiem", RaisedAt = Moment.AddMinutes(-10), Version = 1,
        }], Time);

        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, feed));

        Assert.That(feed.Now(Time), Is.EqualTo(Moment));
        Assert.That(queue.Find("[data-alert-id='al-1'] .cc-alert-meta").TextContent, Does.Contain("10 phút").And.Not.Contain("5 giờ"));
    }
}
