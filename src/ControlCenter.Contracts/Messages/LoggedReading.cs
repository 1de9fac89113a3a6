namespace ControlCenter.Contracts.Messages;

/// <summary>
/// A reading as the readings log holds it: <see cref="Seq"/> is its position among its sensor's rows (1, 2, 3, …
/// in the order they were appended, whatever their timestamps), <see cref="ReceivedAt"/> when ingest took it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LoggedReading(
    [property: Id(0)] long Seq,
    [property: Id(1)] SensorReading Reading,
    [property: Id(2)] DateTimeOffset ReceivedAt);
