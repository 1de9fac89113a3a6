using ControlCenter.Domain.Parking;

namespace ControlCenter.Domain.Tests.Parking;

public class LotSpacesTests
{
    // capacity, occupied, unknown, held, arriving, open sessions → free, can hold, can start a session
    [TestCase(10, 4, 0, 0, 0, 0, 6, true, true, TestName = "sensors only")]
    [TestCase(10, 4, 0, 2, 0, 0, 4, true, true, TestName = "holds take spaces")]
    [TestCase(10, 4, 0, 2, 1, 5, 3, true, true, TestName = "arriving sessions take spaces, settled ones are on the sensors")]
    [TestCase(10, 7, 0, 2, 1, 1, 0, false, false, TestName = "the last space held and arriving: full")]
    [TestCase(10, 4, 3, 0, 0, 0, 3, true, true, TestName = "unknown spaces are never free")]
    [TestCase(10, 9, 0, 3, 0, 0, 0, false, false, TestName = "over-booked never goes negative")]
    [TestCase(10, 0, 10, 0, 0, 3, 0, false, true, TestName = "blind lot: no hold, sessions under capacity")]
    [TestCase(10, 0, 10, 4, 0, 6, 0, false, false, TestName = "blind lot: app's own count full")]
    public void Counts(int capacity, int occupied, int unknown, int held, int arriving, int open, int free, bool canHold, bool canStart)
    {
        var spaces = new LotSpaces(capacity, occupied, unknown, held, arriving, open);
        Assert.That((spaces.Free, spaces.CanHold, spaces.CanStartSession), Is.EqualTo((free, canHold, canStart)));
    }
}
