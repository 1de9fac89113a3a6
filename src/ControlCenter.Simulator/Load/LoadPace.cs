namespace ControlCenter.Simulator.Load;

/// <summary>
/// Spreads a target rate over senders: each sender's n-th batch is due at n ÷ (its share of the rate) after the
/// start. A rate of 0 means unpaced: each sender sends again as soon as its previous batch is answered.
/// </summary>
public sealed class LoadPace(DateTimeOffset start, double readingsPerSecond, int batchSize, int senders, TimeProvider time)
{
    private readonly double _batchesPerSender = readingsPerSecond / batchSize / senders;

    public async Task WaitForTurn(int sentBySender, CancellationToken cancellationToken)
    {
        if (readingsPerSecond <= 0) return;
        var wait = start + TimeSpan.FromSeconds(sentBySender / _batchesPerSender) - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }
}
