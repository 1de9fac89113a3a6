namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>One metric as an OTLP receiver got it: its name, and the attributes of the resource that sent it.</summary>
public sealed record OtlpMetric(string Name, string Scope, IReadOnlyDictionary<string, string> Resource);
