using System.Text.Json;
using ControlCenter.Contracts.Messages.Webhooks;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Webhooks;

/// <summary>The body of a delivery in the subscription's format, with its media type.</summary>
public sealed class WebhookPayloads(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CapDocument cap)
{
    public (byte[] Body, string MediaType) Write(WebhookSubscription subscription, WebhookDelivery delivery)
    {
        if (subscription.Format == WebhookFormats.Cap) return (cap.Write(subscription, delivery), WebhookHeaders.CapMediaType);
        var n = delivery.Notification;
        // The alert exactly as the REST API and the live feed show it (the same serializer options).
        var body = new { deliveryId = delivery.Id, subscriptionId = subscription.Id, @event = n.Event, occurredAt = n.At, alert = n.Alert };
        return (JsonSerializer.SerializeToUtf8Bytes(body, json.Value.SerializerOptions), "application/json");
    }
}
