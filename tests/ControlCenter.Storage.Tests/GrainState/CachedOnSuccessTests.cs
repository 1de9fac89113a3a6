using ControlCenter.Storage.GrainState;

namespace ControlCenter.Storage.Tests.GrainState;

public class CachedOnSuccessTests
{
    [Test]
    public async Task Value_AfterAFailedAttempt_TriesAgainAndThenKeepsTheAnswer()
    {
        var attempts = 0;
        var cached = new CachedOnSuccess<int>(() => ++attempts == 1 ? Task.FromException<int>(new TimeoutException("transient")) : Task.FromResult(attempts));

        Assert.That(() => cached.Value, Throws.InstanceOf<TimeoutException>());
        var second = await cached.Value;
        var third = await cached.Value;

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(2));
            Assert.That(third, Is.EqualTo(2));
            Assert.That(attempts, Is.EqualTo(2));
        });
    }
}
