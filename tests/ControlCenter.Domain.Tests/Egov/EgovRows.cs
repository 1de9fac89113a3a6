using ControlCenter.Domain.Egov;

namespace ControlCenter.Domain.Tests.Egov;

/// <summary>Rows and files for the e-government tests.</summary>
internal static class EgovRows
{
    public static readonly DateTimeOffset Now = new(2018, 1, 15, 9, 0, 0, TimeSpan.FromHours(7));

    public const string Header = "department,name,nameEn,month,proceduresInForce,applicationsReceived,settled,settledOnTime,overdue,onlineLevel3,onlineLevel4";

    public const string GoodLine = "tu-phap,Sở Tư pháp,Department of Justice,2017-12,160,11000,10800,10500,40,56,16";

    public static string Csv(params string[] lines) => string.Join("\n", [Header, .. lines]) + "\n";

    public static ImportCheck Check(string csv) => ServiceFiguresValidator.Check(ServiceFiguresCsv.Parse(csv), Now);

    public static ServiceFigures Row(string department = "tu-phap", string month = "2017-12", long settled = 1000, long onTime = 980, long inForce = 160) =>
        new(department, "Sở " + department, "Department " + department, month, inForce, settled, settled, onTime, 3, 50, 10);
}
