using ControlCenter.Contracts.Messages;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ControlCenter.Grains.Tests;

/// <summary>Messages cross silos and processes: they must survive Orleans' serializer, derived values included.</summary>
public class SerializationTests
{
    [Test]
    public void FeedBatch_WithNestedDerivedValues_RoundTrips()
    {
        var serializer = ClusterFixture.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        var state = new EntityState("j-1", "junction", "zone-a", 7, DateTimeOffset.UnixEpoch, "alert",
            new Dictionary<string, double> { ["speedKmh"] = 8 },
            new Dictionary<string, object?>
            {
                ["levelOfService"] = "jammed", ["aqi"] = 164, ["ratio"] = 0.2, ["full"] = true, ["none"] = null,
                ["subIndices"] = new Dictionary<string, int> { ["pm25"] = 164 },
                ["approaches"] = new Dictionary<string, object?> { ["n"] = new Dictionary<string, object?> { ["speedKmh"] = 8.0 } },
            });
        var batch = new FeedBatch([state], null, "publisher-1", 42);

        var copy = serializer.Deserialize<FeedBatch>(serializer.SerializeToArray(batch));

        var derived = copy!.States[0].Derived;
        Assert.That((copy.PublisherId, copy.Sequence), Is.EqualTo(("publisher-1", 42L)));
        Assert.That(derived["levelOfService"], Is.EqualTo("jammed"));
        Assert.That(derived["aqi"], Is.EqualTo(164));
        Assert.That(derived["full"], Is.EqualTo(true));
        Assert.That(((IReadOnlyDictionary<string, int>)derived["subIndices"]!)["pm25"], Is.EqualTo(164));
    }
}
