using System.Buffers;
using System.Text.Json;
using ControlCenter.Scenarios.Day;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// Writes ingest batches straight to UTF-8 for one sender's sensors. Each sensor cycles through a few
/// normal-day readings taken at different hours (all valid), so the generator spends its CPU on timestamps and
/// bytes, not on simulating the city, and a sensor's timestamps only ever grow (no duplicate, nothing late).
/// </summary>
public sealed class LoadBatchWriter : IDisposable
{
    private static readonly int[] SampleHours = [3, 8, 13, 18];

    private readonly (string Id, Dictionary<string, double>[] Samples)[] _sensors;
    private readonly long[] _lastTsMs;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private long _cursor;

    public LoadBatchWriter(NormalDay day, IReadOnlyList<CatalogSensor> sensors, DateTimeOffset cityDay)
    {
        _sensors = [.. sensors.Select(s => (s.Id, SampleHours.Select(h => day.ReadingOf(s, cityDay.AddHours(h), cityDay).Values).ToArray()))];
        _lastTsMs = new long[_sensors.Length];
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>
    /// One writer per sender over the first <paramref name="sensors"/> reporting sensors of the catalogue, each
    /// sender owning every <paramref name="senders"/>-th one, so that no two senders ever write the same sensor.
    /// </summary>
    public static LoadBatchWriter[] ForSenders(Catalog catalog, int sensors, int senders, DateTimeOffset now)
    {
        var day = new NormalDay(catalog, seed: 1);
        var chosen = day.ReportingSensors.Take(sensors).ToArray();
        if (chosen.Length == 0) throw new InvalidOperationException("The catalogue has no sensors to load.");
        senders = Math.Min(senders, chosen.Length);
        var cityDay = new DateTimeOffset(now.Date, TimeSpan.Zero);
        return [.. Enumerable.Range(0, senders).Select(k => new LoadBatchWriter(day, [.. chosen.Where((_, i) => i % senders == k)], cityDay))];
    }

    /// <summary>The next <paramref name="size"/> readings, round robin over this writer's sensors, stamped now.</summary>
    public ReadOnlyMemory<byte> Next(int size, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        Begin();
        for (var i = 0; i < size; i++)
        {
            var index = (int)(_cursor++ % _sensors.Length);
            WriteReading(index, nowMs, _cursor / _sensors.Length);
        }

        return End();
    }

    /// <summary>
    /// The next sensor's <paramref name="size"/> readings as one batch, stamped now: an MQTT message carries one
    /// sensor's readings (its topic names the sensor), so a gateway publishes sensor by sensor.
    /// </summary>
    public (string SensorId, ReadOnlyMemory<byte> Body) NextOfOneSensor(int size, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var index = (int)(_cursor % _sensors.Length);
        var round = _cursor++ / _sensors.Length;
        Begin();
        for (var i = 0; i < size; i++) WriteReading(index, nowMs, round + i);
        return (_sensors[index].Id, End());
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray("readings");
    }

    private void WriteReading(int index, long nowMs, long sample)
    {
        var (id, samples) = _sensors[index];
        // One reading per sensor per millisecond at most: a repeat would be a duplicate, not load.
        var tsMs = Math.Max(nowMs, _lastTsMs[index] + 1);
        _lastTsMs[index] = tsMs;
        _json.WriteStartObject();
        _json.WriteString("sensorId", id);
        _json.WriteString("ts", DateTimeOffset.FromUnixTimeMilliseconds(tsMs));
        _json.WriteStartObject("values");
        foreach (var (metric, value) in samples[sample % samples.Length]) _json.WriteNumber(metric, value);
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    private ReadOnlyMemory<byte> End()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _json.Dispose();
}
