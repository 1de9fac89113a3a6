namespace ControlCenter.Contracts.Storage;

/// <summary>The log could not append (database down, disk full): nothing of the request was stored.</summary>
public sealed class ReadingLogUnavailableException(string message, Exception inner) : Exception(message, inner);
