using System.Net.Http.Json;
using System.Text.Json;

namespace ControlCenter.Simulator.Scenarios;

/// <summary>
/// Asks the control centre (with the gateway's key, which may read) whether the alerts a scenario expects were
/// raised since it started: by rule, zone and, if given, severity.
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
}
