using System.Text.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Readings;
using ControlCenter.Storage.Log;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Turns an ingest body into readings: whole-request problems throw <see cref="BatchProblemException"/>; a bad reading
/// is refused by index and never sinks the rest of the batch.
/// </summary>
public sealed class ReadingParser(CityCatalog catalog, TimeProvider time, IOptions<HistoryOptions> history)
{
    public const int MaxReadings = 5000;

    public ParsedBatch Parse(JsonElement root, IngestKey key)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("readings", out var readings) || readings.ValueKind != JsonValueKind.Array)
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Malformed batch", "The body must be an object with a \"readings\" array.");
        return ParseReadings(readings, key, topicSensorId: null);
    }

    /// <summary>
    /// An MQTT message on <c>city/readings/{sensorId}</c>: one reading or <c>{ "readings": [...] }</c>, every reading
    /// for the topic's sensor (a reading may leave out its sensorId; one naming another sensor is refused).
    /// </summary>
    public ParsedBatch ParseMessage(JsonElement root, IngestKey key, string topicSensorId)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Malformed message", "The payload must be one reading or an object with a \"readings\" array.");
        if (!root.TryGetProperty("readings", out var readings)) return ParseReadings(root, key, topicSensorId, single: true);
        if (readings.ValueKind != JsonValueKind.Array)
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Malformed message", "\"readings\" must be an array.");
        return ParseReadings(readings, key, topicSensorId);
    }

    private ParsedBatch ParseReadings(JsonElement readings, IngestKey key, string? topicSensorId, bool single = false)
    {
        var count = single ? 1 : readings.GetArrayLength();
        if (count == 0)
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Empty batch", "\"readings\" holds no reading.");
        if (count > MaxReadings)
            throw new BatchProblemException(StatusCodes.Status413PayloadTooLarge, "Too many readings", $"{count} readings; at most {MaxReadings} per request.");

        var now = time.GetUtcNow();
        var valid = new List<(int, SensorReading)>(count);
        var rejected = new List<IngestRejection>();
        var index = 0;
        IEnumerable<JsonElement> elements = single ? [readings] : readings.EnumerateArray();
        foreach (var element in elements)
        {
            var (reading, rejection) = ParseOne(element, index, key, topicSensorId, now);
            if (reading is not null) valid.Add((index, reading));
            else rejected.Add(rejection!);
            index++;
        }

        return new ParsedBatch(valid, rejected);
    }

    private (SensorReading?, IngestRejection?) ParseOne(JsonElement element, int index, IngestKey key, string? topicSensorId, DateTimeOffset now)
    {
        try
        {
            return ParseChecked(element, index, key, topicSensorId, now);
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid Unicode (a lone surrogate escape, invalid UTF-8) cannot be read.
            return (null, new IngestRejection(index, RejectionCodes.InvalidReading, "A string in the reading is not valid Unicode."));
        }
    }

    private (SensorReading?, IngestRejection?) ParseChecked(JsonElement element, int index, IngestKey key, string? topicSensorId, DateTimeOffset now)
    {
        IngestRejection Reject(string code, string message) => new(index, code, message);

        if (element.ValueKind != JsonValueKind.Object)
            return (null, Reject(RejectionCodes.InvalidReading, "A reading must be a JSON object."));
        var hasId = element.TryGetProperty("sensorId", out var idElement);
        if ((hasId || topicSensorId is null) && idElement.ValueKind != JsonValueKind.String)
            return (null, Reject(RejectionCodes.InvalidReading, "\"sensorId\" must be a string."));
        var sensorId = hasId ? idElement.GetString()! : topicSensorId!;
        if (topicSensorId is not null && sensorId != topicSensorId)
            return (null, Reject(RejectionCodes.InvalidReading, $"\"sensorId\" '{Shorten(sensorId)}' is not the topic's sensor '{topicSensorId}'."));
        if (!EntityId.IsValid(sensorId))
            return (null, Reject(RejectionCodes.UnknownSensor, "\"sensorId\" is not a valid id ([a-z0-9-]{1,64})."));
        // Scope first: a scoped key must not reach another zone's sensor by making the rest of the reading invalid.
        if (catalog.FindSensor(sensorId) is { } sensor && !IngestKeyRing.Allows(key, sensor))
            throw new BatchProblemException(StatusCodes.Status403Forbidden, "Sensor not allowed for this key",
                $"Key '{key.Name}' may not write sensor '{sensorId}' (reading {index}).");
        if (!element.TryGetProperty("ts", out var tsElement) || tsElement.ValueKind != JsonValueKind.String)
            return (null, Reject(RejectionCodes.BadTimestamp, "\"ts\" must be an ISO 8601 string with an offset."));
        if (!IsoTimestamp.TryParse(tsElement.GetString()!, out var ts))
            return (null, Reject(RejectionCodes.BadTimestamp, "\"ts\" must be ISO 8601 with a UTC offset, e.g. 2026-11-26T17:00:00+07:00."));
        if (!element.TryGetProperty("values", out var valuesElement) || valuesElement.ValueKind != JsonValueKind.Object)
            return (null, Reject(RejectionCodes.InvalidReading, "\"values\" must be an object of metric: number."));

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in valuesElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
                return (null, Reject(RejectionCodes.InvalidReading, $"\"{Shorten(property.Name)}\" must be a number."));
            if (!property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
                return (null, Reject(RejectionCodes.OutOfRange, $"\"{Shorten(property.Name)}\" is not a finite number."));
            if (!values.TryAdd(property.Name, value))
                return (null, Reject(RejectionCodes.InvalidReading, $"\"{Shorten(property.Name)}\" appears twice."));
        }

        if (values.Count == 0)
            return (null, Reject(RejectionCodes.InvalidReading, "\"values\" is empty."));


        var problem = ReadingRules.Check(catalog, sensorId, ts, values, now, history.Value.Retention);
        // Stored and answered in UTC, whatever offset the gateway used, to the millisecond: the log's key and what a
        // replay gives back (two readings within one millisecond are one reading).
        return problem is { } p ? (null, Reject(p.Code, p.Message)) : (new SensorReading(sensorId, ToMillisecond(ts), values), null);
    }


    private static DateTimeOffset ToMillisecond(DateTimeOffset ts) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ts.ToUnixTimeMilliseconds());

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

}
