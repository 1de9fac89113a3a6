using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Parking;

namespace ControlCenter.Host.Credentials;

/// <summary>
/// Keeps this host's key rings in step with the credentials table: at once after a change made here, and
/// every 2 s for changes made through another host. A revoked feed token's open connections are closed.
/// </summary>
public sealed class CredentialRefresher(
    CredentialStore store, IngestKeyRing ingestKeys, FeedTokenRing feedTokens, ParkingAppKeyRing appKeys, EgovImportKeyRing egovKeys, HubFeedSender hub, ILogger<CredentialRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _reloading = new(1, 1);

    public async Task ReloadNow(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var all = await store.All(cancellationToken);
            ingestKeys.Reload(all);
            appKeys.Reload(all);
            egovKeys.Reload(all);
            foreach (var name in feedTokens.Reload(all))
            {
                var closed = hub.Disconnect(LiveHub.CallerKey(FeedTokenAuthentication.SchemeName, name));
                if (closed > 0) logger.LogInformation("Closed {Count} feed connections of revoked token {Name}", closed, name);
            }
        }
        finally
        {
            _reloading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await ReloadNow(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not reload credentials; keeping the ones in force");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _reloading.Dispose();
        base.Dispose();
    }
}
