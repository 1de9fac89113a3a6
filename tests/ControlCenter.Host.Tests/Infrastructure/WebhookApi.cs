using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The admin webhook API and the alert calls the webhook tests make.</summary>
public static class WebhookApi
{
    public const string Secret = "test-secret-0123456789abcdef";

    /// <summary>Short back-offs and attempt timeouts, so retries and dead letters take well under a second.</summary>
    public static readonly (string Key, string Value)[] FastRetries =
    [
        ("Webhooks:MaxRetries", "3"), ("Webhooks:FirstRetryDelay", "00:00:00.050"), ("Webhooks:MaxRetryDelay", "00:00:00.200"),
        ("Webhooks:AttemptTimeout", "00:00:00.500"), ("Webhooks:WakePeriod", "00:00:01"),
    ];

    /// <summary>Registers a webhook for the manual alerts of one zone (the tests' alerts never reach each other's receivers).</summary>
    public static async Task<string> Register(HttpClient admin, string url, string zoneId, string format = "json")
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/webhooks",
            new { url, secret = Secret, format, matcher = new { ruleId = "manual", zoneId } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> Get(HttpClient admin, string id) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/webhooks/{id}");

    public static async Task<JsonElement[]> DeadLetters(HttpClient admin, string id) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/webhooks/{id}/dead-letters")).EnumerateArray()];

    public static async Task<string> RaiseAlert(HttpClient op, string zoneId, string title = "Cây đổ chắn đường", string severity = "major")
    {
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, titleEn = "Fallen tree blocks the road", severity, zoneId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task Act(HttpClient responder, string alertId, string action, string note = "đã xử lý")
    {
        using var response = await responder.PostAsJsonAsync($"/api/v1/alerts/{alertId}/{action}", new { note });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The audited actions on one target, newest first (entries without a target leave the field out).</summary>
    public static async Task<string?[]> AuditActions(HttpClient admin, string target) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?limit=200")).EnumerateArray()
            .Where(e => e.TryGetProperty("target", out var t) && t.GetString() == target).Select(e => e.GetProperty("action").GetString())];

    /// <summary>One series' value from <c>/metrics</c> (0 when absent), e.g. <c>controlcenter_webhook_attempts_total</c>.</summary>
    public static async Task<long> Metric(HttpClient client, string series)
    {
        var line = (await client.GetStringAsync("/metrics")).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static JsonElement Body(WebhookReceiver.Request request) => JsonDocument.Parse(request.Body).RootElement;
}
