namespace ControlCenter.Host.Wall;

/// <summary>The language the wall speaks on this circuit (from the culture cookie): Vietnamese unless English was chosen.</summary>
public static class WallCulture
{
    public static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
