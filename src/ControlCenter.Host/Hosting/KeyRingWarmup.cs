using ControlCenter.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Reads the shared key ring before the host serves anything, one silo at a time on PostgreSQL. Silos that start together
/// on a new database would otherwise each make a first key of their own and, until they next read the ring, refuse each
/// other's cookies; under the lock the first silo makes the key and the others find it.
/// </summary>
public sealed class KeyRingWarmup(CityDatabase database, IDataProtectionProvider protection) : IHostedService
{
    /// <summary>An arbitrary constant shared by every ControlCenter silo: "CCKEYRNG" in ASCII.</summary>
    private const long KeyRingLockKey = 0x43434B4559524E47;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await CityDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_lock({KeyRingLockKey})", cancellationToken);
        try
        {
            // Protecting anything makes the key manager read the ring, and make and store a first key when it has none.
            protection.CreateProtector("ControlCenter.KeyRing.Warmup").Protect([0]);
        }
        finally
        {
            await CityDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_unlock({KeyRingLockKey})", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
