using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ControlCenter.Host.Tests.Feed;

/// <summary>One caller (a token) cannot hold more than its share of feed connections.</summary>
public class FeedConnectionCapTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult(new[] { ("Feed:MaxConnectionsPerCaller", "2") });

    [Test]
    public async Task ThirdConnectionOfOneToken_IsClosed_OtherTokensAndFreedSlotsStillWork()
    {
        await using var first = await FeedClient.Connect(Host.ServerAddress);
        await using var second = await FeedClient.Connect(Host.ServerAddress);
        await first.Subscribe("entity:aq-hang-dau");
        await second.Subscribe("entity:aq-hang-dau");

        var third = await FeedClient.Connect(Host.ServerAddress);
        await Eventually.Until(() => Task.FromResult(third.Connection.State), s => s == HubConnectionState.Disconnected,
            "the third connection of the same token to be closed by the server");
        await third.DisposeAsync();

        await using var otherToken = await FeedClient.Connect(Host.ServerAddress, CityHost.ParkingOnlyToken);
        Assert.That((await otherToken.Subscribe("parking")).GetProperty("items").GetArrayLength(), Is.GreaterThan(0));

        await first.DisposeAsync();
        var again = await Eventually.Until(async () =>
        {
            var client = await FeedClient.Connect(Host.ServerAddress);
            try { return (Client: client, Snapshot: (JsonElement?)await client.Subscribe("entity:aq-hang-dau")); }
            catch (Exception ex) when (ex is HubException or InvalidOperationException or TaskCanceledException)
            {
                await client.DisposeAsync();
                return (Client: (FeedClient?)null, Snapshot: (JsonElement?)null);
            }
        }, r => r.Snapshot is not null, "a new connection once the first one closed");
        Assert.That(again.Snapshot!.Value.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        await again.Client!.DisposeAsync();
    }
}
