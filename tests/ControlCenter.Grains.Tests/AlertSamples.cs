using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using Orleans.Core.Internal;

namespace ControlCenter.Grains.Tests;

/// <summary>What the alert tests share: the book, raises in a scope of their own, and restarting a grain.</summary>
public static class AlertSamples
{
    public const string Zone = "zone-test";

    public static IAlertBookGrain Book => ClusterFixture.Grains.GetGrain<IAlertBookGrain>(0);

    public static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    public static IAlertGrain Alert(string id) => ClusterFixture.Grains.GetGrain<IAlertGrain>(id);

    public static string NewScope() => "t-" + Guid.NewGuid().ToString("N")[..10];

    public static AlertRaise Raise(string scope, string rule = AlertRules.FloodDepth, string severity = Severities.Major, params string[] entities) => new()
    {
        RuleId = rule, Scope = scope, ZoneId = Zone, Severity = severity, At = Now,
        EntityIds = entities.Length > 0 ? entities : [scope], Evidence = [new AlertEvidence(scope, "depthCm", 25, Now)],
    };

    public static AlertSignal Signal(AlertRaise raise) => new(AlertSignalKind.Raise, raise.Key, raise, raise.At, 0);

    public static AlertSignal Cleared(string key) => new(AlertSignalKind.ConditionCleared, key, null, Now, 0);

    public static AlertSignal Resolved(string key) => new(AlertSignalKind.Resolve, key, null, Now, 0);

    private static long _lastNumber;

    /// <summary>Numbers signals as <see cref="Zone"/> would: each one next after the last, across every test.</summary>
    public static AlertSignal[] Numbered(params AlertSignal[] signals) =>
        [.. signals.Select(s => s with { Sequence = Interlocked.Increment(ref _lastNumber) })];

    /// <summary>Hands signals to the book as <see cref="Zone"/>'s next ones.</summary>
    public static Task Send(params AlertSignal[] signals) => Book.Apply(Zone, Numbered(signals));

    /// <summary>Raises an alert through the book and returns it.</summary>
    public static async Task<Alert> Open(AlertRaise raise)
    {
        await Send(Signal(raise));
        return (await Book.Active()).Single(a => a.Key == raise.Key);
    }

    /// <summary>Every alert the book lists for a rule/scope key, resolved ones included.</summary>
    public static async Task<Alert[]> AlertsFor(string key) =>
        [.. (await Book.Query(new AlertQuery(null, null, Zone, null, 1000))).Where(a => a.Key == key)];

    /// <summary>Deactivates a grain (as a restart would); its next call activates it afresh from storage.</summary>
    public static async Task Restart(IAddressable grain) => await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
}
