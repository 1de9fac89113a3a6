using System.Collections.Immutable;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Sensors;

namespace ControlCenter.Grains.Tests;

public class ReadingBuffersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static LoggedReading Row(long seq, DateTimeOffset ts, string metric, double value) =>
        new(seq, new SensorReading("aq", ts, new Dictionary<string, double> { [metric] = value }), ts);

    [Test]
    public void Apply_ToAStateOfAnEarlierReleaseWithoutStamps_GivesTheSameValuesInAnyOrder()
    {
        // An earlier release kept pm25 = 10 from its reading at T0, with no stamp.
        var legacy = new SensorGrainState { LastTs = T0, Values = ImmutableDictionary<string, double>.Empty.Add("pm25", 10) };
        var no2Later = Row(1, T0.AddMinutes(2), "no2", 40);
        var pm25Between = Row(2, T0.AddMinutes(1), "pm25", 12);

        var oneWay = ReadingBuffers.Apply(ReadingBuffers.Apply(legacy, SensorKinds.Air, no2Later), SensorKinds.Air, pm25Between);
        var otherWay = ReadingBuffers.Apply(ReadingBuffers.Apply(legacy, SensorKinds.Air, pm25Between), SensorKinds.Air, no2Later);

        Assert.That(oneWay.Values, Is.EquivalentTo(otherWay.Values));
        Assert.That(oneWay.Values["pm25"], Is.EqualTo(12), "the reading at T0+1 min is newer than the stored one of T0");
    }
}
