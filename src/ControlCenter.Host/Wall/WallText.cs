namespace ControlCenter.Host.Wall;

/// <summary>
/// The wall's words: Resources/Wall/WallText.resx (Vietnamese, the default) and WallText.en.resx (English).
/// </summary>
public sealed class WallText;
