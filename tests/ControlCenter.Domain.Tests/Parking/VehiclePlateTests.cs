using ControlCenter.Domain.Parking;

namespace ControlCenter.Domain.Tests.Parking;

public class VehiclePlateTests
{
    [TestCase("30A-123.45", "30A-123.45")]
    [TestCase("30a-123.45", "30A-123.45")]
    [TestCase(" 30A 123.45 ", "30A-123.45")]
    [TestCase("30A12345", "30A-123.45", Description = "no separators: read as today's five-digit plate")]
    [TestCase("30A-1234", "30A-1234", Description = "older four-digit plate")]
    [TestCase("51F-987.65", "51F-987.65")]
    [TestCase("30LD-012.34", "30LD-012.34", Description = "two-letter series")]
    [TestCase("29-B1 234.56", "29B1-234.56", Description = "motorbike as painted")]
    [TestCase("29B1-234.56", "29B1-234.56")]
    [TestCase("29B123456", "29B1-234.56", Description = "motorbike typed without separators")]
    [TestCase("29-B1 2345", "29B1-2345", Description = "older motorbike, four digits")]
    [TestCase("99A-000.01", "99A-000.01")]
    [TestCase("11A-123.45", "11A-123.45")]
    public void Normalize_ReadsTheFormsDriversType(string typed, string canonical) =>
        Assert.That(VehiclePlate.Normalize(typed), Is.EqualTo(canonical));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ABC-123")]
    [TestCase("10A-123.45", Description = "no province 10")]
    [TestCase("01A-123.45", Description = "province codes start at 11")]
    [TestCase("30-123.45", Description = "no series")]
    [TestCase("30ABC-123.45", Description = "three letters")]
    [TestCase("30A-12.34", Description = "a dot belongs before the last two of five digits")]
    [TestCase("30A-1.2345")]
    [TestCase("30A-123")]
    [TestCase("30A-1234567")]
    [TestCase("30A-123456", Description = "six digits after a separator")]
    [TestCase("30A-123.45; DROP TABLE")]
    [TestCase("３０A-123.45", Description = "full-width digits")]
    [TestCase("30Ă-123.45", Description = "letters outside ASCII")]
    [TestCase("30A-123.45.6")]
    [TestCase("30A-123..45")]
    [TestCase("30A-123.45-30A-123.45")]
    [TestCase("TM-12-34", Description = "military plates are not the app's")]
    [TestCase("80-NG-123-45", Description = "nor diplomatic ones")]
    public void Normalize_RefusesWhatIsNotAPlate(string? typed) => Assert.That(VehiclePlate.Normalize(typed), Is.Null);
}
