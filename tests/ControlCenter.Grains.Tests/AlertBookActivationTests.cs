using ControlCenter.Contracts.Messages;
using static ControlCenter.Grains.Tests.AlertSamples;

namespace ControlCenter.Grains.Tests;

/// <summary>The alert book's activation: it reads every alert it lists, and one it cannot read does not stop it.</summary>
public class AlertBookActivationTests
{
    [Test]
    public async Task Activate_OneAlertUnreadable_StartsWithoutItAndReportsIt()
    {
        var unreadable = await Open(Raise(NewScope()));
        var readable = await Open(Raise(NewScope()));

        FailingStorage.FailReadsOf[unreadable.Id] = true;
        try
        {
            await Restart(Alert(unreadable.Id));
            await Restart(Book);

            var active = await Book.Active();

            Assert.That(active.Select(a => a.Id), Does.Contain(readable.Id).And.No.Contain(unreadable.Id));
            Assert.That(await Book.Unreadable(), Is.EqualTo(new[] { unreadable.Id }));
            var next = await Open(Raise(NewScope()));
            Assert.That(next.Status, Is.EqualTo(AlertStatus.Open), "the book takes signals as before");
        }
        finally
        {
            FailingStorage.FailReadsOf.TryRemove(unreadable.Id, out _);
            await Restart(Book);
        }

        Assert.That(await Book.Unreadable(), Is.Empty, "readable again, it is back in the book");
        Assert.That((await Book.Active()).Select(a => a.Id), Does.Contain(unreadable.Id));
    }
}
