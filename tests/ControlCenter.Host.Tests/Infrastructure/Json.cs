using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlCenter.Host.Tests.Infrastructure;

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static object Batch(params object[] readings) => new { readings };

    public static object Reading(string sensorId, DateTimeOffset ts, object values) => new { sensorId, ts, values };
}
