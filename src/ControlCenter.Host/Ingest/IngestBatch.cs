using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// The body of <c>POST /api/v1/readings</c> as the contract describes it, for the API document only: the endpoint
/// reads the JSON by hand (<see cref="ReadingParser"/>) so that one bad reading is refused by index, not the batch.
/// </summary>
public sealed record IngestBatch(IReadOnlyList<SensorReading> Readings);
