using ControlCenter.Domain.Air;

namespace ControlCenter.Domain.Tests;

public class NowCastTests
{
    private static double? Compute(params double?[] hourly) => NowCast.Compute(hourly, 12, 0.5, 2);

    [Test]
    public void Compute_SteadyConcentration_IsThatConcentration() =>
        Assert.That(Compute(40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40), Is.EqualTo(40).Within(1e-9));

    [Test]
    public void Compute_WeightAboveFloor_IsCminOverCmax()
    {
        // w = 80/100 = 0.8: (80 + 0.8·100 + 0.64·90) / (1 + 0.8 + 0.64)
        Assert.That(Compute(80, 100, 90), Is.EqualTo((80 + 80 + 57.6) / 2.44).Within(1e-9));
    }

    [Test]
    public void Compute_WeightBelowFloor_IsFlooredAtHalf()
    {
        // w* = 10/100 = 0.1 → 0.5: (100 + 0.5·10) / 1.5
        Assert.That(Compute(100, 10), Is.EqualTo(105 / 1.5).Within(1e-9));
    }

    [Test]
    public void Compute_OnlyTwelveHoursCount()
    {
        // A 13th hour of 1000 must not change anything.
        var twelve = Enumerable.Repeat<double?>(30, 12).ToArray();
        Assert.That(NowCast.Compute([.. twelve, 1000], 12, 0.5, 2), Is.EqualTo(30).Within(1e-9));
    }

    [Test]
    public void Compute_MissingHours_AreLeftOutOfBothSums()
    {
        // Hours 1 and 3 present (w* = 20/80 → 0.5): (80 + 0.5²·20) / (1 + 0.5²)
        Assert.That(Compute(80, null, 20), Is.EqualTo(85 / 1.25).Within(1e-9));
    }

    [TestCase(new double[] { 50 }, false)]
    [TestCase(new double[] { 50, -1, -1, 20, 20 }, false)]
    [TestCase(new double[] { -1, 50, 40 }, true)]
    [TestCase(new double[] { 50, -1, 40 }, true)]
    public void Compute_NeedsTwoOfTheThreeLatestHours(double[] hours, bool computed)
    {
        var series = hours.Select(h => h < 0 ? (double?)null : h).ToArray();
        Assert.That(NowCast.Compute(series, 12, 0.5, 2).HasValue, Is.EqualTo(computed));
    }
}
