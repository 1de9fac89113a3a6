using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlCenter.Host.Feed;

/// <summary>The feed's JSON, the same on the SignalR hub and on MQTT: camelCase, nulls left out, enums as camelCase strings.</summary>
public static class FeedJson
{
    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
