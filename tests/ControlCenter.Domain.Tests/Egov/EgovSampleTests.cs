using System.Text;
using ControlCenter.Domain.Egov;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests.Egov;

/// <summary>The shipped 2017 sample (ops/egov-sample.py) reproduces the programme's city figures.</summary>
public class EgovSampleTests
{
    private static ImportCheck Sample() =>
        ServiceFiguresValidator.Check(ServiceFiguresCsv.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Egov", "sample-2017.csv"), Encoding.UTF8)), EgovRows.Now);

    [Test]
    public void Sample_IsValid_TwelveMonthsOfSeventeenDepartments()
    {
        var check = Sample();
        Assert.That(check.Errors, Is.Empty);
        Assert.That(check.Rows.Select(r => r.Month).Distinct().Count(), Is.EqualTo(12));
        Assert.That(check.Rows.Select(r => r.Department).Distinct().Count(), Is.EqualTo(17));
        Assert.That(check.Rows.Where(r => r.Department == "tai-nguyen-moi-truong").Select(r => r.Name).First(), Is.EqualTo("Sở Tài nguyên và Môi trường"));
    }

    [Test]
    public void Sample_Totals_Are1856Procedures_And97Point33PercentOnTime()
    {
        var rows = Sample().Rows;
        var summary = ServiceKpiSummary.Of(rows, new EgovPack());
        Assert.That(summary.Totals.ProceduresInForce, Is.EqualTo(1856));
        Assert.That(summary.YearToDate.OnTimePct, Is.EqualTo(97.33), "the year, as the programme reports it");
        Assert.That(summary.Totals.OnTimePct, Is.EqualTo(97.33), "December alone too, so that the wall's tile shows it");
        Assert.That(rows.GroupBy(r => r.Month).Select(g => KpiFigures.Sum(g.Select(r => r.Figures)).OnTimePct), Has.All.EqualTo(97.33));
    }

    [Test]
    public void Sample_HasADepartmentBelowTarget_InTheLatestMonth()
    {
        var firing = OnTimeRule.Evaluate(Sample().Rows, new EgovPack()).Where(v => v.Firing).ToList();
        Assert.That(firing.Select(v => (v.Department, v.Month)), Is.EqualTo(new[] { ("tai-nguyen-moi-truong", "2017-12") }));
    }
}
