namespace ControlCenter.Host.Webhooks;

/// <summary>This silo's webhook figures for <c>/metrics</c>: sends happen on whichever silo holds each outbox.</summary>
public sealed class WebhookMetrics
{
    private long _attempts;
    private long _delivered;
    private long _deadLettered;
    private long _registrationsRefused;

    public long Attempts => Interlocked.Read(ref _attempts);
    public long Delivered => Interlocked.Read(ref _delivered);
    public long DeadLettered => Interlocked.Read(ref _deadLettered);
    public long RegistrationsRefused => Interlocked.Read(ref _registrationsRefused);

    public void Finished(int attempts, bool delivered)
    {
        Interlocked.Add(ref _attempts, attempts);
        Interlocked.Increment(ref delivered ? ref _delivered : ref _deadLettered);
    }

    public void RegistrationRefused() => Interlocked.Increment(ref _registrationsRefused);
}
