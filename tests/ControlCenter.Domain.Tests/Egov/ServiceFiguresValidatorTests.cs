using ControlCenter.Domain.Egov;
using static ControlCenter.Domain.Tests.Egov.EgovRows;

namespace ControlCenter.Domain.Tests.Egov;

public class ServiceFiguresValidatorTests
{
    private static RowError OnlyError(string line) => Check(Csv(line)).Errors.Single();

    [TestCase("-5", RowErrorCodes.Negative)]
    [TestCase("1.5", RowErrorCodes.NotAWholeNumber)]
    [TestCase("NaN", RowErrorCodes.NotAWholeNumber)]
    [TestCase("Infinity", RowErrorCodes.NotAWholeNumber)]
    [TestCase("1e3", RowErrorCodes.NotAWholeNumber)]
    [TestCase("\"1,000\"", RowErrorCodes.NotAWholeNumber)]
    [TestCase("٣", RowErrorCodes.NotAWholeNumber)]
    [TestCase("+7", RowErrorCodes.NotAWholeNumber)]
    [TestCase("99999999999999999999999999", RowErrorCodes.TooLarge)]
    [TestCase("10000001", RowErrorCodes.TooLarge)]
    [TestCase("", RowErrorCodes.Required)]
    public void Overdue_NotAWholeNumberInRange_IsRefused(string value, string code)
    {
        var error = OnlyError($"tu-phap,Sở Tư pháp,Justice,2017-12,160,100,90,80,{value},10,5");
        Assert.That((error.Line, error.Field, error.Code), Is.EqualTo((2, "overdue", code)));
    }

    [Test]
    public void Counts_AtTheirLimits_AreTaken()
    {
        var check = Check(Csv("tu-phap,Sở Tư pháp,Justice,2017-12,10000000,10000000,0,0,0,0,0", "y-te,Sở Y tế,Health,2017-12, 007 ,0,0,-0,0,0,0"));
        Assert.That(check.Errors, Is.Empty);
        Assert.That(check.Rows[1].ProceduresInForce, Is.EqualTo(7));
    }

    [Test]
    public void SettledOnTime_AboveSettled_IsRefused() =>
        Assert.That(OnlyError("tu-phap,Sở Tư pháp,Justice,2017-12,160,100,90,91,0,10,5").Code, Is.EqualTo(RowErrorCodes.OnTimeAboveSettled));

    [Test]
    public void OnlineLevels_AboveProceduresInForce_AreRefused() =>
        Assert.That(OnlyError("tu-phap,Sở Tư pháp,Justice,2017-12,10,100,90,80,0,6,5").Code, Is.EqualTo(RowErrorCodes.OnlineAboveInForce));

    [TestCase("2017-13", RowErrorCodes.BadMonth)]
    [TestCase("2017-00", RowErrorCodes.BadMonth)]
    [TestCase("2017-1", RowErrorCodes.BadMonth)]
    [TestCase("12/2017", RowErrorCodes.BadMonth)]
    [TestCase("1999-12", RowErrorCodes.BadMonth)]
    [TestCase("2018-02", RowErrorCodes.FutureMonth)]
    public void Month_NotARealPastOrCurrentMonth_IsRefused(string month, string code) =>
        Assert.That(OnlyError($"tu-phap,Sở Tư pháp,Justice,{month},160,100,90,80,0,10,5").Code, Is.EqualTo(code));

    [Test]
    public void Month_TheCurrentMonthInHanoi_IsTaken_EvenWhereUtcIsStillLastMonth()
    {
        // 2018-01-31 18:00 UTC is already February the 1st in Hanoi.
        var now = new DateTimeOffset(2018, 1, 31, 18, 0, 0, TimeSpan.Zero);
        var check = ServiceFiguresValidator.Check(ServiceFiguresCsv.Parse(Csv("tu-phap,Sở Tư pháp,Justice,2018-02,160,100,90,80,0,10,5")), now);
        Assert.That(check.Errors, Is.Empty);
    }

    [TestCase("Tu-Phap", "department", RowErrorCodes.BadId)]
    [TestCase("tư-pháp", "department", RowErrorCodes.BadId)]
    [TestCase(" ", "department", RowErrorCodes.Required)]
    public void Department_NotAnId_IsRefused(string department, string field, string code)
    {
        var error = OnlyError($"{department},Sở Tư pháp,Justice,2017-12,160,100,90,80,0,10,5");
        Assert.That((error.Field, error.Code), Is.EqualTo((field, code)));
    }

    [TestCase("Sở Tư\u0000pháp", RowErrorCodes.BadText)]
    [TestCase("Sở Tư\u202Epháp", RowErrorCodes.BadText)]
    [TestCase("Sở Tư\tpháp", RowErrorCodes.BadText)]
    [TestCase("   ", RowErrorCodes.Required)]
    public void Name_EmptyOrWithControlCharacters_IsRefused(string name, string code)
    {
        var error = OnlyError($"tu-phap,{name},Justice,2017-12,160,100,90,80,0,10,5");
        Assert.That((error.Field, error.Code), Is.EqualTo(("name", code)));
    }

    [Test]
    public void Name_TooLong_IsRefused() =>
        Assert.That(OnlyError($"tu-phap,{new string('ở', 201)},Justice,2017-12,160,100,90,80,0,10,5").Code, Is.EqualTo(RowErrorCodes.TooLong));

    [Test]
    public void TheSameDepartmentAndMonthTwice_IsRefusedOnTheSecondLine()
    {
        var errors = Check(Csv(GoodLine, GoodLine)).Errors;
        Assert.That(errors.Select(e => (e.Line, e.Code)), Is.EqualTo(new[] { (3, RowErrorCodes.Duplicate) }));
        Assert.That(errors[0].Reason, Does.Contain("line 2"));
    }

    [Test]
    public void ARowWithSeveralProblems_ListsEachField()
    {
        var errors = Check(Csv("tu-phap,,Justice,2017-13,-1,x,90,80,0,10,5")).Errors;
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "name", "month", "proceduresInForce", "applicationsReceived" }));
    }

    [Test]
    public void Check_TypedRows_AppliesTheSameRules()
    {
        var check = ServiceFiguresValidator.Check([Row(), Row(onTime: 2000), Row(month: "2031-01")], Now);
        Assert.That(check.Errors.Select(e => (e.Line, e.Code)), Is.EqualTo(new[] { (2, RowErrorCodes.OnTimeAboveSettled), (3, RowErrorCodes.FutureMonth) }));
    }
}
