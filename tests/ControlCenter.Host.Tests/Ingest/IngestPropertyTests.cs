using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>
/// Property: no generated reading batch — real or made-up sensors, any metric names, any numbers (NaN and
/// infinities included, written raw so the JSON may be invalid), any timestamps, any shape — makes ingest
/// throw or answer 5xx. Every answer is one the contract names.
/// </summary>
public class IngestPropertyTests : SqliteHostFixture
{
    private static readonly string[] RealSensors = ["rg-hoan-kiem", "fl-phan-boi-chau", "aq-hang-dau", "ps-ltk-01-01", "pg-ltk-04", "td-ltk-quan-su-n", "wq-ho-tay-trung-tam"];
    private static readonly string[] Metrics = ["rainMm", "depthCm", "pm25", "occupied", "occupiedCount", "speedKmh", "do", "ph"];
    private static readonly HttpStatusCode[] ContractStatuses =
        [HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType];

    /// <summary>Hundreds of requests in a second: lift the key's rate so every answer is about the body.</summary>
    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult(new[] { ("Ingest:RequestsPerSecond", "100000") });

    [Test]
    public void AnyGeneratedBatch_NeverThrowsOrAnswers5xx()
    {
        using var client = Host.Ingester();
        var readings = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Reading(), n));
        var property = Prop.ForAll(readings.ToArbitrary(), batch =>
        {
            var body = "{\"readings\":[" + string.Join(",", batch) + "]}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = client.PostAsync("/api/v1/readings", content).GetAwaiter().GetResult();
            return ContractStatuses.Contains(response.StatusCode);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>One reading's JSON, often well formed, sometimes not at all.</summary>
    private static Gen<string> Reading() =>
        from sensor in Gen.OneOf(Gen.Elements(RealSensors), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "null"))
        from metric in Gen.OneOf(Gen.Elements(Metrics), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
        from value in ArbMap.Default.GeneratorFor<double>()
        from minutes in Gen.Choose(-60 * 24 * 60, 60)
        from shape in Gen.Choose(0, 7)
        select shape switch
        {
            0 => "{}",
            1 => JsonSerializer.Serialize(sensor),
            2 => $"{{\"sensorId\":{JsonSerializer.Serialize(sensor)},\"ts\":{minutes},\"values\":{{}}}}",
            3 => $"{{\"sensorId\":{JsonSerializer.Serialize(sensor)},\"ts\":\"{Ts(minutes)}\",\"values\":{{{JsonSerializer.Serialize(metric)}:\"{value}\"}}}}",
            // Raw doubles: NaN and ∞ make the whole body invalid JSON, which must be a 400, never a 500.
            _ => $"{{\"sensorId\":{JsonSerializer.Serialize(sensor)},\"ts\":\"{Ts(minutes)}\",\"values\":{{{JsonSerializer.Serialize(metric)}:{value.ToString("R", CultureInfo.InvariantCulture)}}}}}",
        };

    private static string Ts(int minutes) => DateTimeOffset.UtcNow.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);
}
