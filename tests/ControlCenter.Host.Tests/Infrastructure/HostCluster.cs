using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// Several <see cref="HostProcess"/> silos of one cluster on one PostgreSQL database (ADO.NET clustering, grain
/// storage, reminders), each with its own HTTP, silo and gateway ports. Death detection is shortened by configuration
/// (a killed silo is declared dead in a few seconds), and the ingest key, a feed token and an admin are configured.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    public const string AdminPassword = "crash-test-admin";

    /// <summary>A wall's user on every silo, with the password <see cref="Browser.SignedIn"/> types ("viewer-hanoi").</summary>
    public const string Viewer = "viewer";

    private readonly string _connectionString;
    private readonly string _clusterId = $"cc-test-{Guid.NewGuid():N}"[..20];
    private readonly List<HostProcess> _silos = [];
    private Microsoft.Extensions.Hosting.IHost? _client;

    private HostCluster(string connectionString) => _connectionString = connectionString;

    public IReadOnlyList<HostProcess> Silos => _silos;

    /// <summary>Every silo's URL, comma-separated: the simulator's <c>--url</c> for round robin over the cluster.</summary>
    public string Urls => string.Join(',', _silos.Select(s => s.Url));

    /// <summary>
    /// Starts the first silo alone (it applies the schema and activates the city), runs <paramref name="afterFirst"/>
    /// against it (e.g. a threshold change the others then read at their start), then the others together.
    /// </summary>
    public static async Task<HostCluster> Start(string connectionString, int silos, Func<HostProcess, Task>? afterFirst = null)
    {
        var cluster = new HostCluster(connectionString);
        try
        {
            cluster._silos.Add(await HostProcess.StartOnPostgreSql(connectionString, cluster.Settings()));
            if (afterFirst is not null) await afterFirst(cluster._silos[0]);
            cluster._silos.AddRange(await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => HostProcess.StartOnPostgreSql(connectionString, cluster.Settings()))));
            await cluster.WaitForActive(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private IEnumerable<(string, string)> Settings() =>
    [
        ("Orleans__ClusterId", _clusterId),
        ("Orleans__ServiceId", _clusterId),
        // Three missed 3-s probes and a vote of the survivors: a killed silo is dead within seconds. Fewer or shorter
        // probes declared a starting silo dead on CI (it was only waiting for a CPU the three processes share with the
        // test) and it ended itself before it was ready.
        ("Orleans__Membership__ProbeTimeout", "00:00:03"),
        ("Orleans__Membership__NumMissedProbesLimit", "3"),
        ("Orleans__Membership__TableRefreshTimeout", "00:00:05"),
        ("Orleans__Membership__DeathVoteExpirationTimeout", "00:00:30"),
        // The broker's relay reads every entity at start, placing grains wherever it runs first; not needed here.
        ("Mqtt__Enabled", "false"),
        ("Feed__Tokens__0__Name", "cluster-test"),
        ("Feed__Tokens__0__Token", CityHost.FeedToken),
        ("Auth__Users__1__Username", Viewer),
        ("Auth__Users__1__Role", "viewer"),
        ("Auth__Users__1__PasswordHash", ControlCenter.Host.People.UserDirectory.Hash($"{Viewer}-hanoi")),
    ];

    /// <summary>Statuses of this cluster's silos in the membership table, by silo port (3 active, 6 dead).</summary>
    public async Task<Dictionary<int, int>> Membership()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port, status FROM orleansmembershiptable WHERE deploymentid = @cluster ORDER BY generation", connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<int, int>();
        while (await reader.ReadAsync()) statuses[reader.GetInt32(0)] = reader.GetInt32(1);   // the latest generation wins
        return statuses;
    }

    /// <summary>Rows in the readings log (the cluster's one database).</summary>
    public async Task<long> LoggedReadings()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reading_log", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of the readings log, by sensor: each reading's time (Unix ms) and values as the log holds them.</summary>
    public async Task<Dictionary<string, Dictionary<long, Dictionary<string, double>>>> LogRows()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sensor_id, ts_ms, vals FROM reading_log", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, Dictionary<long, Dictionary<string, double>>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var sensorId = reader.GetString(0);
            if (!rows.TryGetValue(sensorId, out var ofSensor)) rows[sensorId] = ofSensor = [];
            ofSensor[reader.GetInt64(1)] = ControlCenter.Storage.Log.ReadingValues.Decode(reader.GetString(2));
        }

        return rows;
    }

    /// <summary>What a sensor grain's version counts (readings folded, up to which log position; changes of health), asked through a cluster client.</summary>
    public async Task<ControlCenter.Contracts.Grains.SensorFolds> Folds(string sensorId) =>
        await (await Client()).GetGrain<ControlCenter.Contracts.Grains.ISensorGrain>(sensorId).GetFolds();

    public Task WaitForActive(int silos) => Eventually.Until(Membership,
        m => _silos.All(s => m.GetValueOrDefault(s.SiloPort) == (int)SiloStatus.Active) && m.Values.Count(v => v == (int)SiloStatus.Active) == silos,
        $"{silos} silos active in the membership table", TimeSpan.FromSeconds(90));

    public Task WaitForDead(HostProcess silo) => Eventually.Until(Membership,
        m => m.GetValueOrDefault(silo.SiloPort) == (int)SiloStatus.Dead, $"silo {silo.SiloPort} declared dead", TimeSpan.FromSeconds(60));

    /// <summary>SIGKILL one silo.</summary>
    public Task Kill(int index) => _silos[index].Kill();

    /// <summary>SIGTERM one silo and wait for it to end.</summary>
    public Task Stop(int index) => _silos[index].Stop();

    /// <summary>Starts a stopped or killed silo again with its ports and settings.</summary>
    public async Task Restart(int index)
    {
        var old = _silos[index];
        _silos[index] = await old.Restart();
        await old.DisposeAsync();
    }

    /// <summary>
    /// The keys of the grains of one class (e.g. "SensorGrain") active on a silo, asked of Orleans' management grain
    /// through a cluster client: which grains a kill will move.
    /// </summary>
    public async Task<HashSet<string>> GrainsOn(HostProcess silo, string grainClass)
    {
        var client = await Client();
        // The client learns the cluster's grain types from the gateway a moment after it connects.
        var management = await Eventually.Until(() => Task.FromResult(Resolve(client)), m => m is not null, "the cluster client to know the management grain", TimeSpan.FromSeconds(30));
        var address = (await management!.GetHosts(onlyActive: true)).Keys.Single(a => a.Endpoint.Port == silo.SiloPort);
        var grains = await management!.GetDetailedGrainStatistics(hostsIds: [address]);
        return grains.Where(g => g.GrainType.Split(',')[0].EndsWith("." + grainClass, StringComparison.Ordinal))
            .Select(g => g.GrainId.Key.ToString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static IManagementGrain? Resolve(IClusterClient client)
    {
        try { return client.GetGrain<IManagementGrain>(0); }
        catch (ArgumentException) { return null; }
    }

    private async Task<IClusterClient> Client()
    {
        if (_client is null)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => { o.ClusterId = _clusterId; o.ServiceId = _clusterId; })
                .UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = _connectionString; }));
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>A client signed in as the configured admin on one silo (the login cookie is that host's own).</summary>
    public static async Task<HttpClient> SignedInAsAdmin(HostProcess silo)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(silo.Url) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = AdminPassword });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>What each silo last wrote on its console, for a failing test's message.</summary>
    public string Logs() => string.Join("\n\n", _silos.Select(s => $"--- silo {s.SiloPort} ---\n{s.LogWithoutProbes}"));

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _silos) await silo.DisposeAsync();
    }
}
