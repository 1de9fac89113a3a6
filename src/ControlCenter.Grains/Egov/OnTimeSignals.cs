using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Egov;

namespace ControlCenter.Grains.Egov;

/// <summary>
/// Turns the on-time rule's verdicts into alert-book signals. Monthly figures are final once imported (a
/// correction is a new import, not a flapping reading), so a department back at target clears and resolves its
/// alert at once, with no hold time.
/// </summary>
public static class OnTimeSignals
{
    public static (Dictionary<string, string> Raised, List<AlertSignal> Signals) From(
        IReadOnlyList<OnTimeVerdict> verdicts, IReadOnlyDictionary<string, string> raised, long lastSignal, DateTimeOffset now)
    {
        var next = new Dictionary<string, string>(raised, StringComparer.Ordinal);
        var signals = new List<AlertSignal>();
        foreach (var v in verdicts.Where(v => v.RatePct is not null))
        {
            var key = Finding.KeyOf(AlertRules.EgovOnTime, v.Department);
            if (v.Firing)
            {
                var fingerprint = string.Create(CultureInfo.InvariantCulture, $"{v.Month}|{v.RatePct}|{v.TargetPct}|{v.Severity}");
                if (next.GetValueOrDefault(v.Department) == fingerprint) continue;
                next[v.Department] = fingerprint;
                signals.Add(new AlertSignal(AlertSignalKind.Raise, key, Raise(v, now), now, ++lastSignal));
            }
            else if (next.Remove(v.Department))
            {
                signals.Add(new AlertSignal(AlertSignalKind.ConditionCleared, key, null, now, ++lastSignal));
                signals.Add(new AlertSignal(AlertSignalKind.Resolve, key, null, now, ++lastSignal));
            }
        }

        return (next, signals);
    }

    private static AlertRaise Raise(OnTimeVerdict v, DateTimeOffset now)
    {
        var rule = AlertRules.Get(AlertRules.EgovOnTime);
        var month = MonthStart(v.Month);
        return new AlertRaise
        {
            RuleId = AlertRules.EgovOnTime, Scope = v.Department, ZoneId = null, Severity = v.Severity!,
            Level = v.Severity == Severities.Major ? 2 : 1, At = now,
            Title = $"{rule.Title}: {v.Name}", TitleEn = $"{rule.TitleEn}: {v.NameEn}",
            Note = string.Create(CultureInfo.InvariantCulture, $"{v.Month}: {v.RatePct:0.00} % < {v.TargetPct:0.##} %"),
            Evidence =
            [
                new AlertEvidence(v.Department, "onTimePct", v.RatePct!.Value, month),
                new AlertEvidence(v.Department, "targetPct", v.TargetPct, month),
            ],
        };
    }

    /// <summary>The first moment of a <c>yyyy-MM</c> month in the city (UTC+7, no daylight saving).</summary>
    public static DateTimeOffset MonthStart(string month) =>
        new(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture), 1, 0, 0, 0, TimeSpan.FromHours(7));
}
