using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Webhooks;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// One run of the retry pipeline for one delivery (WebhookConfiguration builds the pipeline: exponential back-off
/// with jitter, a timeout per attempt). Any 2xx is delivered; a 3xx is not followed (a redirect could lead anywhere).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookPayloads payloads, WebhookMetrics metrics) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttemptOutcome> Send(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var (body, mediaType) = payloads.Write(subscription, delivery);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaders.IdempotencyKey, delivery.Id);
        request.Headers.Add(WebhookHeaders.Event, delivery.Notification.Event);
        var attempts = new StrongBox<int>();
        request.Options.Set(WebhookSigningHandler.Secret, subscription.Secret);
        request.Options.Set(WebhookSigningHandler.Attempts, attempts);
        WebhookAttemptOutcome outcome;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            outcome = response.IsSuccessStatusCode
                ? new WebhookAttemptOutcome(true, attempts.Value, null)
                : new WebhookAttemptOutcome(false, attempts.Value, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = new WebhookAttemptOutcome(false, attempts.Value, $"{ex.GetType().Name}: {ex.Message}");
        }

        metrics.Finished(outcome.Attempts, outcome.Delivered);
        return outcome;
    }
}
