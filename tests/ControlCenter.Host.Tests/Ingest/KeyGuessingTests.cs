using System.Net;
using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>Guessing ingest keys is rate limited too: unknown keys share one small bucket.</summary>
public class KeyGuessingTests : SqliteHostFixture
{
    [Test]
    public async Task ManyWrongKeysInABurst_AreSlowedTo429_TheRealKeyIsNot()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var guesser = Host.Ingester($"guess-{i}");
            using var response = await guesser.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-tay-ho", DateTimeOffset.UtcNow, new { rainMm = 0 })));
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses.Distinct(), Is.EquivalentTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Unauthorized), Is.LessThanOrEqualTo(30), "the shared bucket (10/s, burst 20) stops most guesses");
        using var gateway = Host.Ingester();
        using var real = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-tay-ho", DateTimeOffset.UtcNow, new { rainMm = 0 })));
        Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }
}
