using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Alerts;

/// <summary>The zones' signals: each applied once, in each zone's order.</summary>
public sealed partial class AlertBookGrain
{
    /// <summary>
    /// Applies a zone's signals in the zone's order, each exactly once.
    /// <para>
    /// Why "applied up to n" is written after the effect of signal n: the effect spans grains (the alert's own
    /// state, then the book's open-key map) and no write covers both, so the number goes in the last write of
    /// the signal, the book's own (a resolve frees its key and records its number in one write). A crash before
    /// that write leaves n unrecorded and the zone sends it again; every effect of n is then one a second
    /// application leaves as it is: a raise finds its alert open and refreshes it with the same values, which
    /// the alert does not write (or, if the crash came between taking the id and creating the alert, creates
    /// it); a condition-cleared finds the condition cleared; a resolve finds the alert resolved and frees the
    /// key. Recorded before the effect, a crash in between would skip n for good. And because the number moves
    /// one signal at a time, a resend repeats at most the one signal in doubt, never an earlier one: replaying
    /// a whole batch (a raise after its resolve) is what opened phantom alerts.
    /// </para>
    /// </summary>
    public async Task Apply(string zoneId, IReadOnlyList<AlertSignal> signals)
    {
        foreach (var signal in signals.OrderBy(s => s.Sequence))
        {
            if (signal.Sequence < 1) throw new ArgumentException($"Signal {signal.Key} of zone {zoneId} has no sequence number.", nameof(signals));
            if (signal.Sequence <= LastAppliedIn(zoneId)) continue;
            await ApplyOne(zoneId, signal);
        }

        await Sweep();
    }

    public Task<long> LastApplied(string zoneId) => Task.FromResult(LastAppliedIn(zoneId));

    private long LastAppliedIn(string zoneId) => store.State.AppliedSignals.GetValueOrDefault(zoneId);

    private async Task ApplyOne(string zoneId, AlertSignal signal)
    {
        switch (signal.Kind)
        {
            case AlertSignalKind.Raise when signal.Raise is { } raise:
                await Raise(raise);
                break;
            case AlertSignalKind.ConditionCleared when store.State.Open.TryGetValue(signal.Key, out var id):
                Remember(await GrainFactory.GetGrain<IAlertGrain>(id).ConditionCleared(signal.At));
                break;
            case AlertSignalKind.Resolve when store.State.Open.TryGetValue(signal.Key, out var id):
                Remember(await GrainFactory.GetGrain<IAlertGrain>(id).AutoResolve(signal.At));
                await store.WriteOrRevert(Applied(Without(store.State, signal.Key, id), zoneId, signal.Sequence), this);
                return;
        }

        await store.WriteOrRevert(Applied(store.State, zoneId, signal.Sequence), this);
    }

    private static AlertBookState Applied(AlertBookState state, string zoneId, long sequence) =>
        state with { AppliedSignals = new Dictionary<string, long>(state.AppliedSignals) { [zoneId] = sequence } };
}
