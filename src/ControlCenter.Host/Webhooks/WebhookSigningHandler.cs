using System.Runtime.CompilerServices;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// Sits inside the retry pipeline, so it runs once per attempt: it counts attempts and signs each with a fresh
/// timestamp (a receiver that refuses stale timestamps still takes a retry that comes minutes later).
/// </summary>
public sealed class WebhookSigningHandler(TimeProvider time) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> Secret = new("webhook-secret");
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("webhook-attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Attempts, out var attempts)) Interlocked.Increment(ref attempts.Value);
        if (request.Options.TryGetValue(Secret, out var secret) && request.Content is { } content)
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken);
            request.Headers.Remove(WebhookHeaders.Signature);
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSignature.Header(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
