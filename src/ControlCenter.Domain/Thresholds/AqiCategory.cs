namespace ControlCenter.Domain.Thresholds;

/// <summary>One VN_AQI category band with its wall colour (Decision 1459/QĐ-TCMT).</summary>
public sealed record AqiCategory(int Level, int MinAqi, int MaxAqi, string Name, string NameEn, string Colour);
