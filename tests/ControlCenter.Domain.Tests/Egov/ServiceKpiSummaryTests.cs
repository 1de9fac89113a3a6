using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Egov;
using ControlCenter.Domain.Thresholds;
using static ControlCenter.Domain.Tests.Egov.EgovRows;

namespace ControlCenter.Domain.Tests.Egov;

public class ServiceKpiSummaryTests
{
    private static readonly EgovPack Pack = new();

    [Test]
    public void Summary_TotalsTheLatestMonth_AndTheYearUpToIt()
    {
        ServiceFigures[] rows =
        [
            Row("tu-phap", "2017-11", settled: 1000, onTime: 900), Row("tu-phap", "2017-12", settled: 1000, onTime: 990),
            Row("y-te", "2017-12", settled: 3000, onTime: 2970, inForce: 200), Row("y-te", "2016-12", settled: 5000, onTime: 0),
        ];
        var summary = ServiceKpiSummary.Of(rows, Pack);
        Assert.That(summary.Month, Is.EqualTo("2017-12"));
        Assert.That((summary.Totals.ProceduresInForce, summary.Totals.Settled, summary.Totals.OnTimePct), Is.EqualTo((360L, 4000L, 99.0)));
        Assert.That((summary.YearToDate.Settled, summary.YearToDate.OnTimePct), Is.EqualTo((5000L, 97.2)), "2016 is not in 2017's year to date");
        Assert.That(summary.Totals.OnlinePct, Is.EqualTo(Math.Round(100.0 * 120 / 360, 2)));
        Assert.That(summary.Departments.Select(d => (d.Department, d.Month)), Is.EqualTo(new[] { ("tu-phap", "2017-12"), ("y-te", "2017-12") }));
    }

    [Test]
    public void Summary_OfNothing_HasNoMonthAndNoRates()
    {
        var summary = ServiceKpiSummary.Of([], Pack);
        Assert.That((summary.Month, summary.Totals.OnTimePct, summary.Departments.Count, summary.BaselinePct), Is.EqualTo(((string?)null, (double?)null, 0, 97.33)));
    }

    [TestCase(950, null)]
    [TestCase(949, Severities.Minor)]
    [TestCase(900, Severities.Minor)]
    [TestCase(899, Severities.Major)]
    public void OnTimeRule_BelowTarget_IsMinor_MoreThanFivePointsBelow_IsMajor(int onTime, string? severity)
    {
        var verdict = OnTimeRule.Judge(Row(settled: 1000, onTime: onTime), Pack);
        Assert.That((verdict.Severity, verdict.TargetPct), Is.EqualTo((severity, 95.0)));
    }

    [Test]
    public void OnTimeRule_ReadsTheDepartmentsOwnTarget_AndItsLatestMonthOnly()
    {
        var pack = Pack with { DepartmentTargets = new Dictionary<string, double> { ["tu-phap"] = 99 } };
        var verdicts = OnTimeRule.Evaluate([Row("tu-phap", "2017-11", onTime: 500), Row("tu-phap", "2017-12", onTime: 985), Row("y-te", onTime: 985)], pack);
        Assert.That(verdicts.Select(v => (v.Department, v.Month, v.Severity)), Is.EqualTo(new[]
        {
            ("tu-phap", "2017-12", (string?)Severities.Minor),
            ("y-te", "2017-12", (string?)null),
        }));
    }

    [Test]
    public void OnTimeRule_AMonthWithNothingSettled_HasNoRate_AndDoesNotFire()
    {
        var verdict = OnTimeRule.Judge(Row(settled: 0, onTime: 0), Pack);
        Assert.That((verdict.RatePct, verdict.Firing), Is.EqualTo(((double?)null, false)));
    }

    [Test]
    public void Rates_AreRoundedToTwoDecimals_SoWhatIsShownIsWhatIsCompared()
    {
        // 94.996 % shows as 95.00 %: at target, not below.
        Assert.That(OnTimeRule.Judge(Row(settled: 100000, onTime: 94996), Pack).Firing, Is.False);
        Assert.That(KpiFigures.Pct(9733, 10000), Is.EqualTo(97.33));
    }
}
