using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ControlCenter.Storage.Log;

/// <summary>
/// A reading's values as the log stores them: a JSON object of metric → number. Doubles are written in their
/// shortest round-trip form, so a replayed reading folds exactly the numbers ingest accepted.
/// </summary>
public static class ReadingValues
{
    public static string Encode(IReadOnlyDictionary<string, double> values)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + values.Count * 24);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (metric, value) in values) json.WriteNumber(metric, value);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, double> Decode(string text)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var metric = reader.GetString()!;
            reader.Read();
            values[metric] = reader.GetDouble();
        }

        return values;
    }
}
