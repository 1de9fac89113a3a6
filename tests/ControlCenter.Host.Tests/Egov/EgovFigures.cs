using System.Globalization;
using System.Text;

namespace ControlCenter.Host.Tests.Egov;

/// <summary>Bodies for the e-government import, one department per test so that tests sharing a host never meet.</summary>
internal static class EgovFigures
{
    public const string Header = "department,name,nameEn,month,proceduresInForce,applicationsReceived,settled,settledOnTime,overdue,onlineLevel3,onlineLevel4";

    public static string Line(string department, string month, int settled = 1000, int onTime = 980, int inForce = 100, string name = "Sở Thử nghiệm") =>
        string.Create(CultureInfo.InvariantCulture, $"{department},\"{name}\",\"Department of Tests, {department}\",{month},{inForce},{settled},{settled},{onTime},2,40,10");

    public static StringContent Csv(params string[] lines) => new(string.Join("\r\n", [Header, .. lines]) + "\r\n", Encoding.UTF8, "text/csv");

    public static object Row(string department, string month, int settled = 1000, int onTime = 980) => new
    {
        department, name = "Sở Thử nghiệm JSON", nameEn = "Department of JSON tests", month, proceduresInForce = 100,
        applicationsReceived = settled, settled, settledOnTime = onTime, overdue = 1, onlineLevel3 = 30, onlineLevel4 = 20,
    };
}
