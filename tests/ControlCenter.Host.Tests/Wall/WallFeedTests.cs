using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Wall;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The picture a wall (and the public surface) keeps of the city: which resolved alerts it remembers.</summary>
public class WallFeedTests
{
    private static Alert Resolved(int n, DateTimeOffset at) => new()
    {
        Id = $"al-{n}", RuleId = "manual", Scope = $"s{n}", Title = "t", TitleEn = "t", Severity = "minor",
        Status = AlertStatus.Resolved, ResolvedAt = at, Version = 2,
    };

    [Test]
    public void PastTwoHundredResolutions_TheOldestIsForgotten_NeverTheNewest()
    {
        var feed = new WallFeed();
        var start = DateTimeOffset.UtcNow;
        for (var n = 1; n <= 260; n++)
            feed.Accept([], null, [Resolved(n, start.AddSeconds(n))], TimeProvider.System);

        var kept = feed.CopyResolved().Select(a => a.Id).ToList();
        Assert.That(kept, Has.Count.EqualTo(200));
        Assert.That(kept, Does.Contain("al-260").And.Contain("al-61"), "the newest 200 stay");
        Assert.That(kept, Does.Not.Contain("al-60"));
    }
}
