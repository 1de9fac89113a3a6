using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Webhooks;

/// <summary>
/// The outbox is durable: a host stopped while a delivery is being retried leaves it queued, and a new host on the
/// same database delivers it, with the same idempotency key, so the receiver takes it exactly once.
/// </summary>
public class WebhookRestartTests
{
    /// <summary>Enough retries that the first host is surely still retrying when it is stopped.</summary>
    private static readonly (string Key, string Value)[] LongRetries =
        [.. WebhookApi.FastRetries.Where(s => s.Key != "Webhooks:MaxRetries"), ("Webhooks:MaxRetries", "30")];

    [Test]
    public async Task Restart_MidRetry_OnSqlite_DeliversOnceByKey()
    {
        using var data = new TempDirectory();
        await RestartMidRetry(() => CityHost.OnSqlite(data.Path, LongRetries));
    }

    [Test]
    public async Task Restart_MidRetry_OnPostgreSql_DeliversOnceByKey()
    {
        await using var database = await PostgresDatabase.Create();
        await RestartMidRetry(() => CityHost.OnPostgreSql(database.ConnectionString, LongRetries));
    }

    private static async Task RestartMidRetry(Func<CityHost> start)
    {
        var wait = TimeSpan.FromSeconds(30);
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = (_, _, _) => Task.FromResult(500);
        string key, hook;
        await using (var first = start())
        {
            await first.WaitUntilReady();
            using var admin = await first.SignedIn("admin");
            using var op = await first.SignedIn("operator");
            hook = await WebhookApi.Register(admin, receiver.Url, "nam-tu-liem");
            var alertId = await WebhookApi.RaiseAlert(op, "nam-tu-liem");
            key = $"{hook}:{alertId}:1";
            await Eventually.Until(() => Task.FromResult(receiver.AttemptsFor(key)), n => n >= 2, "the first host to be retrying", wait);
        }

        var failedBefore = receiver.AttemptsFor(key);
        receiver.Answer = (_, _, _) => Task.FromResult(200);
        await using var second = start();
        await second.WaitUntilReady();
        using var admin2 = await second.SignedIn("admin");

        await Eventually.Until(() => WebhookApi.Get(admin2, hook), h => h.GetProperty("delivered").GetInt64() == 1 && h.GetProperty("pending").GetInt32() == 0,
            "the restarted host to deliver the queued change", wait);
        Assert.That(receiver.Accepted.Count(r => r.Key == key), Is.EqualTo(1), "accepted exactly once");
        Assert.That(receiver.Requests.Where(r => r.Key == key).Take(failedBefore).All(r => r.Status == 500), Is.True);
        Assert.That(await WebhookApi.DeadLetters(admin2, hook), Is.Empty);
    }
}
