namespace ControlCenter.Scenarios.Day;

/// <summary>The kind of tourist point a visitor counter stands at: it decides the shape of the point's week.</summary>
public enum VisitorPlace
{
    /// <summary>Round Hoàn Kiếm lake: evenings, and much more on walking-street nights.</summary>
    Lakeside,
    /// <summary>The Old Quarter's streets: afternoons into late evening.</summary>
    OldQuarter,
    /// <summary>A night market: hardly anyone but on its nights.</summary>
    NightMarket,
    /// <summary>Long Biên bridge's walkway: sunrise and sunset.</summary>
    Bridge,
    /// <summary>Văn Miếu: school groups in the morning, open 08:00–17:00.</summary>
    Temple,
    /// <summary>Ba Đình square and the mausoleum: the mausoleum's mornings (not Monday or Friday), shut at night.</summary>
    Mausoleum,
    /// <summary>A pagoda or another sight open by day.</summary>
    Sight,
}
