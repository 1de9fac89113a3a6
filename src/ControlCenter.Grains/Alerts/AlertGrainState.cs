using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;

namespace ControlCenter.Grains.Alerts;

/// <summary>One alert's persisted state (null until the book's first raise reaches it).</summary>
[GenerateSerializer]
public sealed record AlertGrainState
{
    [Id(0)] public Alert? Alert { get; init; }

    /// <summary>
    /// The transactional outbox: webhook notifications written in the same row as the change they tell of, and
    /// removed once the webhook directory has taken them. Nothing recorded here is lost to a crash.
    /// </summary>
    [Id(1)] public List<AlertNotification> Outbox { get; init; } = [];

    /// <summary>Whether a <c>raised</c> notification has been recorded for this alert (see <see cref="Webhooks.AlertEvents"/>).</summary>
    [Id(2)] public bool Announced { get; init; }
}
