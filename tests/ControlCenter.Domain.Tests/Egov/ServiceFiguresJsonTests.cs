using System.Text.Json;
using ControlCenter.Domain.Egov;
using static ControlCenter.Domain.Tests.Egov.EgovRows;

namespace ControlCenter.Domain.Tests.Egov;

public class ServiceFiguresJsonTests
{
    private static ImportCheck Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ServiceFiguresValidator.Check(ServiceFiguresJson.Parse(document.RootElement), Now);
    }

    private const string Good = """
        {"department":"tu-phap","name":"Sở Tư pháp","nameEn":"Department of Justice","month":"2017-12","proceduresInForce":160,
         "applicationsReceived":11000,"settled":10800,"settledOnTime":10500,"overdue":40,"onlineLevel3":56,"onlineLevel4":16}
        """;

    [Test]
    public void Parse_AnArrayOfRows_GivesTheRows()
    {
        var check = Check($"[{Good}]");
        Assert.That(check.Errors, Is.Empty);
        Assert.That((check.Rows[0].Name, check.Rows[0].SettledOnTime), Is.EqualTo(("Sở Tư pháp", 10500L)));
    }

    [TestCase("{}", RowErrorCodes.Malformed)]
    [TestCase("[]", RowErrorCodes.Empty)]
    [TestCase("[1]", RowErrorCodes.Malformed)]
    public void Parse_NotAnArrayOfObjects_IsRefused(string json, string code) =>
        Assert.That(Check(json).Errors.Single().Code, Is.EqualTo(code));

    [TestCase("\"settled\":10800", "\"settled\":\"10800\"", "settled", RowErrorCodes.WrongType)]
    [TestCase("\"settled\":10800", "\"settled\":10800.5", "settled", RowErrorCodes.NotAWholeNumber)]
    [TestCase("\"settled\":10800", "\"settled\":1e20", "settled", RowErrorCodes.NotAWholeNumber)]
    [TestCase("\"settled\":10800", "\"settled\":-10800", "settled", RowErrorCodes.Negative)]
    [TestCase("\"settled\":10800", "\"settled\":null", "settled", RowErrorCodes.Required)]
    [TestCase("\"name\":\"Sở Tư pháp\"", "\"name\":42", "name", RowErrorCodes.WrongType)]
    [TestCase("\"overdue\":40", "\"overdue\":40,\"overdueDays\":3", "overdueDays", RowErrorCodes.UnknownField)]
    [TestCase("\"overdue\":40", "\"overdue\":40,\"overdue\":41", "overdue", RowErrorCodes.Duplicate)]
    public void Parse_AFieldOfTheWrongKind_IsReportedOnce(string from, string to, string field, string code)
    {
        var check = Check($"[{Good},{Good.Replace("2017-12", "2017-11", StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal)}]");
        Assert.That(check.Rows, Is.Empty, "all or nothing");
        Assert.That(check.Errors.Select(e => (e.Line, e.Field, e.Code)), Is.EqualTo(new[] { (2, field, code) }));
    }

    [Test]
    public void Parse_MoreThan5000Rows_IsTooMany()
    {
        using var document = JsonDocument.Parse("[" + string.Join(",", Enumerable.Repeat("{}", ServiceFiguresLimits.MaxRows + 1)) + "]");
        Assert.That(ServiceFiguresJson.Parse(document.RootElement).TooManyRows, Is.True);
    }
}
