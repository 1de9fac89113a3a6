namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>
/// One span as an OTLP receiver got it: ids in lowercase hex (as W3C <c>traceparent</c> writes them), the parent's id
/// empty for a root, and the attributes of the span and of its resource as text.
/// </summary>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    OtlpSpanKind Kind,
    string Scope,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Resource,
    IReadOnlyList<(string TraceId, string SpanId)> Links);
