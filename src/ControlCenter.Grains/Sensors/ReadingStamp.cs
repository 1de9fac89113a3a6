namespace ControlCenter.Grains.Sensors;

/// <summary>
/// Orders readings for "newest": by when they count as taken (their time, or their arrival if stamped ahead of
/// it), then by their own time. Two readings of one sensor never share a stamp: their times differ.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReadingStamp([property: Id(0)] long EffectiveMs, [property: Id(1)] long TsMs)
{
    public bool IsAfter(ReadingStamp other) => EffectiveMs != other.EffectiveMs ? EffectiveMs > other.EffectiveMs : TsMs > other.TsMs;
}
