namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>OTLP's <c>Span.SpanKind</c>, by its numbers in <c>trace.proto</c>.</summary>
public enum OtlpSpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
