using System.Net.Http.Json;
using System.Text.Json;

namespace ControlCenter.Scenarios;

/// <summary>
/// Asks the control centre (with the gateway's key, which may read) whether the alerts a scenario expects were
/// raised since it started: by rule, zone and, if given, severity; and what its clock says.
/// </summary>
public sealed class AlertCheck(HttpClient http, string key)
{
    public async Task<IReadOnlyDictionary<ExpectedAlert, string>> Raised(IEnumerable<ExpectedAlert> expected, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ExpectedAlert, string>();
        foreach (var zone in expected.GroupBy(e => e.ZoneId))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/alerts?zoneId={Uri.EscapeDataString(zone.Key)}&limit=1000");
            request.Headers.Add("X-Api-Key", key);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) continue;
            var alerts = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            foreach (var e in zone)
            {
                var match = alerts.EnumerateArray().FirstOrDefault(a =>
                    a.GetProperty("ruleId").GetString() == e.RuleId
                    && (e.Severity is null || a.GetProperty("severity").GetString() == e.Severity)
                    && a.GetProperty("lastSeenAt").GetDateTimeOffset() >= since);
                if (match.ValueKind == JsonValueKind.Object) found[e] = match.GetProperty("id").GetString()!;
            }
        }

        return found;
    }

    /// <summary>
    /// The centre's own clock, as stamped on its city KPIs, less our clock; zero when it cannot be read or differs by
    /// under a minute (the same clock, the KPIs merely built a moment ago). Alerts are stamped with the centre's clock,
    /// and the walking streets' hours are read on it.
    /// </summary>
    public async Task<TimeSpan> CentreClockOffset(DateTimeOffset ours, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpi");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return TimeSpan.Zero;
        var kpi = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!kpi.TryGetProperty("ts", out var ts) || !ts.TryGetDateTimeOffset(out var centre)) return TimeSpan.Zero;
        var offset = centre - ours;
        return offset.Duration() < TimeSpan.FromMinutes(1) ? TimeSpan.Zero : offset;
    }
}
