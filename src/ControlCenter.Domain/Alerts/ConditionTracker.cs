namespace ControlCenter.Domain.Alerts;

public enum TransitionKind
{
    /// <summary>The condition began to hold (after its minimum duration), or held again before its alert resolved.</summary>
    Raise,
    /// <summary>Still holding, at another level (severity) or over other entities (an outage that spreads).</summary>
    Update,
    /// <summary>No longer holds; the alert resolves if it stays so for the hold time.</summary>
    ConditionCleared,
    /// <summary>Clear for the whole hold time: resolve automatically.</summary>
    Resolve,
}

/// <summary>A change in a condition that the alert for its key must hear about.</summary>
public sealed record AlertTransition(TransitionKind Kind, string Key, Finding? Finding, DateTimeOffset At);

/// <summary>
/// Turns each evaluation's verdicts into alert transitions: a condition must hold for its rule's minimum
/// duration before it raises, and be clear for the hold time before it resolves; an unknown verdict (stale
/// data) changes nothing. A key a later evaluation no longer mentions counts as clear.
/// </summary>
public sealed class ConditionTracker
{
    private sealed class Condition
    {
        public DateTimeOffset? PendingSince;
        public bool Firing;
        public int Level;
        public DateTimeOffset? ClearSince;
        public IReadOnlyList<string> EntityIds = [];
    }

    private readonly Dictionary<string, Condition> _conditions = new(StringComparer.Ordinal);

    /// <summary>The level a key's alert holds now; 0 when it is not firing.</summary>
    public int HeldLevel(string key) => _conditions.TryGetValue(key, out var c) && c.Firing ? c.Level : 0;

    public IEnumerable<string> FiringKeys => _conditions.Where(c => c.Value.Firing).Select(c => c.Key);

    /// <summary>Carries an alert that is open in storage into a fresh tracker (after a restart), so it can clear.</summary>
    public void Seed(string key, int level, DateTimeOffset? clearSince, IReadOnlyList<string> entityIds) =>
        _conditions[key] = new Condition { Firing = true, Level = Math.Max(1, level), ClearSince = clearSince, EntityIds = entityIds };

    public IReadOnlyList<AlertTransition> Observe(
        IReadOnlyCollection<Finding> findings, DateTimeOffset now, Func<string, TimeSpan> minimumDuration, TimeSpan hold)
    {
        var transitions = new List<AlertTransition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!seen.Add(finding.Key)) continue;
            switch (finding.Verdict)
            {
                case Verdict.Firing: Fire(finding, now, minimumDuration(finding.RuleId), transitions); break;
                case Verdict.Clear: Clear(finding.Key, now, hold, transitions); break;
            }
        }

        foreach (var key in _conditions.Keys.Where(k => !seen.Contains(k)).ToList()) Clear(key, now, hold, transitions);
        return transitions;
    }

    private void Fire(Finding finding, DateTimeOffset now, TimeSpan minimum, List<AlertTransition> transitions)
    {
        if (!_conditions.TryGetValue(finding.Key, out var c)) _conditions[finding.Key] = c = new Condition();
        if (c.Firing)
        {
            if (c.ClearSince is not null)
            {
                // Holding again before the alert resolved: the same alert, raised once more.
                c.ClearSince = null;
                c.Level = finding.Level;
                transitions.Add(new(TransitionKind.Raise, finding.Key, finding, now));
            }
            else if (c.Level != finding.Level || !c.EntityIds.Order(StringComparer.Ordinal).SequenceEqual(finding.EntityIds.Order(StringComparer.Ordinal)))
            {
                c.Level = finding.Level;
                transitions.Add(new(TransitionKind.Update, finding.Key, finding, now));
            }

            c.EntityIds = finding.EntityIds;
            return;
        }

        c.PendingSince ??= now;
        if (now - c.PendingSince < minimum) return;
        c.Firing = true;
        c.Level = finding.Level;
        c.EntityIds = finding.EntityIds;
        c.PendingSince = null;
        transitions.Add(new(TransitionKind.Raise, finding.Key, finding, now));
    }

    private void Clear(string key, DateTimeOffset now, TimeSpan hold, List<AlertTransition> transitions)
    {
        if (!_conditions.TryGetValue(key, out var c)) return;
        if (!c.Firing)
        {
            _conditions.Remove(key);
            return;
        }

        if (c.ClearSince is null)
        {
            c.ClearSince = now;
            transitions.Add(new(TransitionKind.ConditionCleared, key, null, now));
        }

        if (now - c.ClearSince < hold) return;
        _conditions.Remove(key);
        transitions.Add(new(TransitionKind.Resolve, key, null, now));
    }
}
