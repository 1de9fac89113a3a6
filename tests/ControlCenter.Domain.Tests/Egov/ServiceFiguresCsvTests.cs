using ControlCenter.Domain.Egov;
using static ControlCenter.Domain.Tests.Egov.EgovRows;

namespace ControlCenter.Domain.Tests.Egov;

public class ServiceFiguresCsvTests
{
    [Test]
    public void Parse_AGoodFile_GivesTheRow()
    {
        var check = Check(Csv(GoodLine));
        Assert.That(check.Errors, Is.Empty);
        var row = check.Rows.Single();
        Assert.That((row.Department, row.Name, row.Month, row.Settled, row.SettledOnTime), Is.EqualTo(("tu-phap", "Sở Tư pháp", "2017-12", 10800L, 10500L)));
    }

    [Test]
    public void Parse_QuotedFieldsWithCommasAndQuotes_KeepsThemWhole()
    {
        var check = Check(Csv("""ldtbxh,"Sở Lao động – Thương binh và Xã hội","Department of Labour, Invalids and ""Social"" Affairs",2017-12,115,3100,3000,2900,10,35,6"""));
        Assert.That(check.Errors, Is.Empty);
        Assert.That(check.Rows.Single().NameEn, Is.EqualTo("Department of Labour, Invalids and \"Social\" Affairs"));
    }

    [Test]
    public void Parse_BomAndCrlf_AreAccepted()
    {
        var check = Check("\uFEFF" + Csv(GoodLine, GoodLine.Replace("2017-12", "2017-11", StringComparison.Ordinal)).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.That(check.Errors, Is.Empty);
        Assert.That(check.Rows.Select(r => r.Month), Is.EqualTo(new[] { "2017-12", "2017-11" }));
    }

    [Test]
    public void Parse_ColumnsInAnotherOrder_AreReadByName()
    {
        var check = Check("month,department,name,nameEn,proceduresInForce,applicationsReceived,settled,settledOnTime,overdue,onlineLevel3,onlineLevel4\n"
            + "2017-10,y-te,Sở Y tế,Department of Health,200,2300,2200,2150,12,60,12\n");
        Assert.That(check.Errors, Is.Empty);
        Assert.That((check.Rows[0].Department, check.Rows[0].Month), Is.EqualTo(("y-te", "2017-10")));
    }

    [TestCase("", RowErrorCodes.Empty)]
    [TestCase("\uFEFF\r\n\r\n", RowErrorCodes.Empty)]
    [TestCase(Header + "\n", RowErrorCodes.Empty)]
    [TestCase("department;name;nameEn;month\n", RowErrorCodes.BadHeader)]
    [TestCase("department,name,nameEn,month,proceduresInForce,applicationsReceived,settled,settledOnTime,overdue,onlineLevel3\n" + GoodLine, RowErrorCodes.BadHeader)]
    [TestCase(Header + ",extra\n" + GoodLine, RowErrorCodes.BadHeader)]
    [TestCase("\"department,name\n", RowErrorCodes.Malformed)]
    public void Parse_AFileWithoutUsableHeaderOrRows_IsOneErrorOnTheFile(string text, string code)
    {
        var check = Check(text);
        Assert.That(check.Rows, Is.Empty);
        Assert.That(check.Errors.Select(e => (e.Field, e.Code)), Is.EqualTo(new[] { ("*", code) }));
    }

    [Test]
    public void Parse_ExtraColumnsInARow_IsThatRowsError()
    {
        var check = Check(Csv(GoodLine, GoodLine.Replace("2017-12", "2017-11", StringComparison.Ordinal) + ",99"));
        Assert.That(check.Rows, Is.Empty, "all or nothing");
        Assert.That(check.Errors.Select(e => (e.Line, e.Field, e.Code)), Is.EqualTo(new[] { (3, "*", RowErrorCodes.Malformed) }));
    }

    [TestCase("tu-phap,Sở \"Tư\" pháp,x,2017-12,1,1,1,1,1,0,0")]
    [TestCase("tu-phap,\"Sở Tư pháp\"x,x,2017-12,1,1,1,1,1,0,0")]
    [TestCase("tu-phap,\"Sở Tư pháp,x,2017-12,1,1,1,1,1,0,0")]
    public void Parse_BrokenQuoting_IsMalformedOnItsLine(string line)
    {
        var check = Check(Csv(GoodLine, line));
        Assert.That(check.Errors.Select(e => (e.Line, e.Code)), Is.EqualTo(new[] { (3, RowErrorCodes.Malformed) }));
    }

    [Test]
    public void Parse_ANameSpanningLines_CountsPhysicalLines()
    {
        var check = Check(Csv("tu-phap,\"Sở\nTư pháp\",x,2017-12,1,1,1,1,1,0,0", "y-te,Sở Y tế,Health,2017-12,1,1,1,1,-1,0,0"));
        Assert.That(check.Errors.Select(e => (e.Line, e.Field, e.Code)), Is.EqualTo(new[]
        {
            (2, "name", RowErrorCodes.BadText),
            (4, "overdue", RowErrorCodes.Negative),
        }));
    }

    [Test]
    public void Parse_BlankLines_AreSkipped_LinesStillCounted()
    {
        var check = Check(Header + "\n\n" + GoodLine + "\n\n\n");
        Assert.That(check.Rows, Has.Count.EqualTo(1));
        var bad = Check(Header + "\n\n" + GoodLine.Replace("10500", "x", StringComparison.Ordinal) + "\n");
        Assert.That(bad.Errors.Single().Line, Is.EqualTo(3));
    }

    [Test]
    public void Parse_5000Rows_AreTaken_5001AreTooMany()
    {
        static string Rows(int n) => Csv([.. Enumerable.Range(0, n).Select(i => $"d{i},Sở {i},Department {i},2017-12,10,10,10,10,0,1,1")]);
        Assert.That(Check(Rows(ServiceFiguresLimits.MaxRows)).Rows, Has.Count.EqualTo(5000));
        var document = ServiceFiguresCsv.Parse(Rows(ServiceFiguresLimits.MaxRows + 1));
        Assert.That((document.TooManyRows, document.Rows.Count), Is.EqualTo((true, 0)));
    }
}
