namespace ControlCenter.Host.Feed;

/// <summary>Tokens other systems present to the live feed, each optionally limited to some topics.</summary>
public sealed class FeedTokenOptions
{
    public List<FeedToken> Tokens { get; set; } = [];
}

public sealed class FeedToken
{
    public string Name { get; set; } = "";
    public string Token { get; set; } = "";
    /// <summary>Topics this token may subscribe to; <c>zone:*</c> and <c>entity:*</c> allow every zone or entity; empty allows all.</summary>
    public List<string> Topics { get; set; } = [];
}
