using System.Globalization;
using Google.Protobuf;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>
/// Reads OTLP protobuf bodies by the field numbers of the OTLP specification (opentelemetry-proto:
/// <c>collector/trace/v1</c>, <c>collector/metrics/v1</c>, <c>trace/v1</c>, <c>metrics/v1</c>, <c>common/v1</c>,
/// <c>resource/v1</c>) with Google.Protobuf's wire reader, skipping what a test does not look at. No generated
/// classes: the test checks what the exporter put on the wire, not a second copy of its serialiser.
/// </summary>
public static class OtlpDecoder
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    /// <summary>An <c>ExportTraceServiceRequest</c>: resource_spans(1) → resource(1), scope_spans(2) → scope(1), spans(2).</summary>
    public static IReadOnlyList<OtlpSpan> Spans(byte[] body)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(ByteString.CopyFrom(body)).Messages(1))
        {
            var fields = Fields(resourceSpans);
            var resource = fields.Messages(1).Select(Resource).FirstOrDefault() ?? NoAttributes;
            foreach (var scopeSpans in fields.Messages(2))
            {
                var scope = Fields(scopeSpans);
                var scopeName = scope.Messages(1).Select(s => Fields(s).Text(1)).FirstOrDefault() ?? "";
                spans.AddRange(scope.Messages(2).Select(span => Span(span, scopeName, resource)));
            }
        }

        return spans;
    }

    /// <summary>An <c>ExportMetricsServiceRequest</c>: resource_metrics(1) → resource(1), scope_metrics(2) → scope(1), metrics(2) → name(1).</summary>
    public static IReadOnlyList<OtlpMetric> Metrics(byte[] body)
    {
        var metrics = new List<OtlpMetric>();
        foreach (var resourceMetrics in Fields(ByteString.CopyFrom(body)).Messages(1))
        {
            var fields = Fields(resourceMetrics);
            var resource = fields.Messages(1).Select(Resource).FirstOrDefault() ?? NoAttributes;
            foreach (var scopeMetrics in fields.Messages(2))
            {
                var scope = Fields(scopeMetrics);
                var scopeName = scope.Messages(1).Select(s => Fields(s).Text(1)).FirstOrDefault() ?? "";
                metrics.AddRange(scope.Messages(2).Select(m => new OtlpMetric(Fields(m).Text(1), scopeName, resource)));
            }
        }

        return metrics;
    }

    /// <summary>
    /// <c>Span</c>: trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6), attributes(9), links(13) with
    /// their own trace_id(1) and span_id(2).
    /// </summary>
    private static OtlpSpan Span(ByteString span, string scope, IReadOnlyDictionary<string, string> resource)
    {
        var fields = Fields(span);
        var links = fields.Messages(13).Select(link =>
        {
            var l = Fields(link);
            return (Hex(l.Bytes(1)), Hex(l.Bytes(2)));
        }).ToList();
        return new OtlpSpan(Hex(fields.Bytes(1)), Hex(fields.Bytes(2)), Hex(fields.Bytes(4)), fields.Text(5),
            (OtlpSpanKind)fields.Number(6), scope, Attributes(fields.Messages(9)), resource, links);
    }

    /// <summary><c>Resource</c>: attributes(1).</summary>
    private static Dictionary<string, string> Resource(ByteString resource) => Attributes(Fields(resource).Messages(1));

    /// <summary>
    /// <c>KeyValue</c>: key(1), value(2), an <c>AnyValue</c> of which one is set: string_value(1), bool_value(2),
    /// int_value(3), double_value(4), array_value(5), kvlist_value(6), bytes_value(7).
    /// </summary>
    private static Dictionary<string, string> Attributes(IEnumerable<ByteString> keyValues)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in keyValues)
        {
            var fields = Fields(keyValue);
            var value = fields.Messages(2).Select(Fields).FirstOrDefault();
            attributes[fields.Text(1)] = value?.FirstOrDefault() switch
            {
                { Number: 1 } f => f.Bytes.ToStringUtf8(),
                { Number: 2 } f => f.Value != 0 ? "true" : "false",
                { Number: 3 } f => ((long)f.Value).ToString(CultureInfo.InvariantCulture),
                { Number: 4 } f => BitConverter.Int64BitsToDouble((long)f.Value).ToString(CultureInfo.InvariantCulture),
                { Number: 7 } f => Hex(f.Bytes),
                { Number: 5 or 6 } => "(structured)",
                _ => "",
            };
        }

        return attributes;
    }

    /// <summary>Every field of one message in order: length-delimited ones as bytes, the others as their number.</summary>
    private static List<ProtoField> Fields(ByteString message)
    {
        var fields = new List<ProtoField>();
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited: fields.Add(new ProtoField(number, input.ReadBytes(), 0)); break;
                case WireFormat.WireType.Varint: fields.Add(new ProtoField(number, ByteString.Empty, input.ReadUInt64())); break;
                case WireFormat.WireType.Fixed64: fields.Add(new ProtoField(number, ByteString.Empty, input.ReadFixed64())); break;
                case WireFormat.WireType.Fixed32: fields.Add(new ProtoField(number, ByteString.Empty, input.ReadFixed32())); break;
                default: input.SkipLastField(); break;
            }
        }

        return fields;
    }

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static IEnumerable<ByteString> Messages(this List<ProtoField> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => f.Bytes);

    private static ByteString Bytes(this List<ProtoField> fields, int number) =>
        fields.LastOrDefault(f => f.Number == number)?.Bytes ?? ByteString.Empty;

    private static string Text(this List<ProtoField> fields, int number) => fields.Bytes(number).ToStringUtf8();

    private static ulong Number(this List<ProtoField> fields, int number) => fields.LastOrDefault(f => f.Number == number)?.Value ?? 0;

    private sealed record ProtoField(int Number, ByteString Bytes, ulong Value);
}
