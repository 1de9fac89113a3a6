namespace ControlCenter.Host.Ingest;

/// <summary>The 202 body: how many readings were applied, how many were repeats, and what was refused, by index.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<IngestRejection> Rejected);

public sealed record IngestRejection(int Index, string Code, string Message);
