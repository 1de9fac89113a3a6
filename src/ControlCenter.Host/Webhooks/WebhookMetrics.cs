using System.Diagnostics.Metrics;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Webhooks;

/// <summary>This silo's webhook figures: sends happen on whichever silo holds each outbox.</summary>
public sealed class WebhookMetrics
{
    private static readonly KeyValuePair<string, object?> Delivered = new("outcome", "delivered");
    private static readonly KeyValuePair<string, object?> DeadLettered = new("outcome", "dead-lettered");

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _registrationsRefused;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CityTelemetry.MeterName);
        _attempts = meter.CreateCounter<long>("controlcenter.webhook.attempts", "{attempt}", "HTTP attempts made by this silo's outboxes");
        _deliveries = meter.CreateCounter<long>("controlcenter.webhook.deliveries", "{delivery}", "Retry runs by how they ended: delivered or dead-lettered");
        _registrationsRefused = meter.CreateCounter<long>("controlcenter.webhook.registrations_refused", "{request}", "Webhook registrations refused");
    }

    /// <summary>Every series from the start (0), as before: see <see cref="Hosting.TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        _attempts.Add(0);
        _deliveries.Add(0, Delivered);
        _deliveries.Add(0, DeadLettered);
        _registrationsRefused.Add(0);
    }

    public void Finished(int attempts, bool delivered)
    {
        _attempts.Add(attempts);
        _deliveries.Add(1, delivered ? Delivered : DeadLettered);
    }

    public void RegistrationRefused() => _registrationsRefused.Add(1);
}
