namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// The base of every fixture that shares one embedded (SQLite) host across its tests: a data folder of its
/// own, the host started once and ready (live feed registered too), and both removed afterwards.
/// </summary>
public abstract class SqliteHostFixture
{
    protected TempDirectory Data { get; private set; } = null!;

    protected CityHost Host { get; private set; } = null!;

    /// <summary>Serve on a real loopback port (SignalR clients, socket-level limits).</summary>
    protected virtual bool WithKestrel => false;

    /// <summary>Extra settings; may write files (a catalogue) into the fixture's data folder first.</summary>
    protected virtual Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(Array.Empty<(string, string)>());

    /// <summary>Services to replace before the host starts (a fake city clock).</summary>
    protected virtual void Services(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Data = new TempDirectory();
        Host = CityHost.OnSqlite(Data.Path, await Settings(Data.Path)).WithServices(Services);
        if (WithKestrel) Host.WithKestrel();
        await Host.WaitUntilReady();
    }

    /// <summary>Runs SQL on the host's own SQLite file (to make the readings log fail for a while, say).</summary>
    protected async Task ExecuteOnTheDatabase(string sql)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={System.IO.Path.Combine(Data.Path, "controlcenter.db")};Default Timeout=30");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        await Host.DisposeAsync();
        Data.Dispose();
    }
}
