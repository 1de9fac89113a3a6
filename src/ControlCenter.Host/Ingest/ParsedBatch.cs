using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Ingest;

/// <summary>A request body split into readings that may be applied (with their index) and readings refused.</summary>
public sealed record ParsedBatch(IReadOnlyList<(int Index, SensorReading Reading)> Valid, List<IngestRejection> Rejected);
