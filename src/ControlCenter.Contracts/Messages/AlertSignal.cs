namespace ControlCenter.Contracts.Messages;

/// <summary>
/// What a zone's evaluation tells the alert book about one key. <see cref="Sequence"/> numbers the zone's
/// signals 1, 2, 3… in the order it made them, and the book keeps the last number it applied for each zone:
/// a zone may send a signal again (after a call that failed part-way) and it takes effect once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertSignal(
    [property: Id(0)] AlertSignalKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] AlertRaise? Raise,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long Sequence);
