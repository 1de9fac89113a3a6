namespace ControlCenter.Host.Open;

/// <summary>
/// The health advice that goes with each VN_AQI category, for everyone and for sensitive people (children, the
/// elderly, people with heart or lung disease), after the recommendations attached to Decision 1459/QĐ-TCMT.
/// </summary>
public static class AirAdvice
{
    public sealed record Advice(string General, string Sensitive, string GeneralEn, string SensitiveEn);

    private static readonly Advice[] ByLevel =
    [
        new("Tự do thực hiện các hoạt động ngoài trời.",
            "Tự do thực hiện các hoạt động ngoài trời.",
            "Enjoy outdoor activities as usual.",
            "Enjoy outdoor activities as usual."),
        new("Tự do thực hiện các hoạt động ngoài trời.",
            "Nên theo dõi các triệu chứng như ho hoặc khó thở, nhưng vẫn có thể hoạt động bên ngoài.",
            "Outdoor activities as usual.",
            "Watch for coughing or shortness of breath; outdoor activities can go on."),
        new("Những người thấy mệt mỏi, đau mắt, ho hoặc đau họng nên giảm hoạt động mạnh và thời gian ở ngoài trời.",
            "Giảm các hoạt động mạnh và giảm thời gian hoạt động ngoài trời; người bị hen có thể cần dùng thuốc thường xuyên hơn.",
            "Anyone with tiredness, sore eyes, a cough or sore throat should cut down hard outdoor exercise and time outdoors.",
            "Cut down hard exercise and time outdoors; people with asthma may need their medicine more often."),
        new("Mọi người nên giảm các hoạt động mạnh khi ở ngoài trời, tránh tập thể dục ngoài trời lâu; nghỉ ngơi nhiều hơn trong nhà.",
            "Nên ở trong nhà và giảm hoạt động mạnh; nếu cần ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.",
            "Everyone should cut down hard outdoor activity and long outdoor exercise; rest more indoors.",
            "Stay indoors and take it easy; if you must go out, wear a proper mask."),
        new("Mọi người hạn chế tối đa các hoạt động ngoài trời và chuyển sang các hoạt động trong nhà; nếu cần ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.",
            "Nên ở trong nhà, tránh mọi hoạt động ngoài trời.",
            "Everyone should keep outdoor activity to a minimum and move it indoors; if you must go out, wear a proper mask.",
            "Stay indoors and avoid all outdoor activity."),
        new("Mọi người nên ở trong nhà, đóng cửa ra vào và cửa sổ; nếu bắt buộc phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.",
            "Nên ở trong nhà, đóng cửa ra vào và cửa sổ; tránh mọi hoạt động ngoài trời.",
            "Everyone should stay indoors with doors and windows shut; if you have to go out, wear a proper mask.",
            "Stay indoors with doors and windows shut; avoid all outdoor activity."),
    ];

    /// <param name="level">The VN_AQI category level, 1 (Tốt / Good) to 6 (Nguy hại / Hazardous).</param>
    public static Advice For(int level) => ByLevel[Math.Clamp(level, 1, ByLevel.Length) - 1];
}
