using ControlCenter.Contracts.Messages;
using Orleans.Concurrency;

namespace ControlCenter.Contracts.Grains;

/// <summary>One alert's persisted lifecycle: raised, acknowledged, worked, resolved; escalated by a reminder.</summary>
public interface IAlertGrain : IGrainWithStringKey
{
    Task<Alert?> Get();

    /// <summary>The rule's condition holds (again): opens the alert, or refreshes it (a repeat bumps the count).</summary>
    Task<Alert> Raise(AlertRaise raise, IReadOnlyList<string> children, AlertSuppression? suppression);

    Task<Alert?> ConditionCleared(DateTimeOffset at);

    Task<Alert?> AutoResolve(DateTimeOffset at);

    Task<AlertActionResult> Acknowledge(string by, string? note);

    Task<AlertActionResult> Resolve(string by, string note);

    Task<AlertActionResult> AddNote(string by, string text);

    Task<AlertActionResult> TickSop(int step, bool done, string by);

    Task<Alert?> SetSuppression(AlertSuppression? suppression);

    /// <summary>Publishes the alert to citizens, or edits the warning in force (an unresolved alert only).</summary>
    Task<AlertActionResult> PublishWarning(PublicWarningDraft draft, string by);

    /// <summary>Takes the public warning down (it stays on the alert, marked withdrawn).</summary>
    Task<AlertActionResult> WithdrawWarning(string by, string? note);

    /// <summary>Escalates if the alert has waited a whole window unacknowledged (the reminder's work).</summary>
    Task CheckEscalation();

    /// <summary>Registers the escalation reminder again (after a start with in-memory reminders).</summary>
    Task Arm();
}

/// <summary>
/// The cluster's index of alerts: which alert is open for each rule and scope, the list for queries, and the
/// silences. Zones send it their rule signals; it opens, refreshes and resolves alert grains.
/// </summary>
public interface IAlertBookGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A zone's signals, numbered by the zone in the order it made them. Each number takes effect once: those at
    /// or below the last number applied for the zone are skipped, so the zone may send again whatever a failed
    /// call left in doubt.
    /// </summary>
    Task Apply(string zoneId, IReadOnlyList<AlertSignal> signals);

    /// <summary>The last signal number applied for a zone (0 if none): a zone that restarts numbers on from it.</summary>
    Task<long> LastApplied(string zoneId);

    /// <summary>An operator's alert.</summary>
    Task<Alert> RaiseManual(AlertRaise raise);

    Task<Alert[]> Query(AlertQuery query);

    /// <summary>Every alert not yet resolved.</summary>
    Task<Alert[]> Active();

    /// <summary>Open or acknowledged alerts raised by a zone's rules, for its tracker after a restart.</summary>
    Task<Alert[]> ActiveInZone(string zoneId);

    /// <summary>An alert grain's news (one-way: the alert never waits on the book that may be calling it).</summary>
    [OneWay]
    Task Changed(Alert alert);

    Task<Silence> AddSilence(Silence silence);

    Task<Silence[]> Silences();

    Task<bool> RemoveSilence(string id);

    /// <summary>
    /// Alerts the book lists but could not read (their stored state is unreadable): left out of queries, tried
    /// again at every sweep. The centre works without them, degraded.
    /// </summary>
    Task<string[]> Unreadable();
}

/// <summary>The threshold packs in force, as JSON, with the version every change bumps.</summary>
public interface IThresholdsGrain : IGrainWithIntegerKey
{
    Task<ThresholdDocument> Get();

    /// <summary>The version that was in force at <paramref name="at"/> (incident review judges the past by it).</summary>
    Task<ThresholdDocument> At(DateTimeOffset at);

    /// <summary>Replaces the packs if <paramref name="expectedVersion"/> is current; returns the stored document, or null on a version conflict.</summary>
    Task<ThresholdDocument?> Replace(long expectedVersion, string json, string by);
}

[GenerateSerializer, Immutable]
public sealed record ThresholdDocument(
    [property: Id(0)] long Version, [property: Id(1)] string Json, [property: Id(2)] DateTimeOffset? ChangedAt, [property: Id(3)] string? ChangedBy);
