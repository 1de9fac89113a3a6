using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Deployment;

/// <summary>
/// The image cannot be built here (no container engine, no base-image registry), so this starts what the Dockerfile
/// puts in it: the <c>dotnet publish</c> output, run from its own folder in Production with configuration from
/// environment variables only, as k8s/ runs it.
/// </summary>
[NonParallelizable]
public class PublishedHostTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private TempDirectory _published = null!;

    [OneTimeSetUp]
    public async Task Publish()
    {
        _published = new TempDirectory();
        // The solution's Release build is already there (dotnet test builds it): publish it without building again.
        var project = RepositoryFolder.PathOf("src", "ControlCenter.Host", "ControlCenter.Host.csproj");
        var publish = await CommandLine.Run("dotnet",
            ["publish", project, "-c", "Release", "--no-build", "-o", _published.Path, "-p:UseAppHost=false", "--nologo"],
            RepositoryFolder.Root, PublishTimeout);
        Assert.That(publish.ExitCode, Is.Zero, $"dotnet publish: {publish.Output}{publish.Error}");
    }

    [OneTimeTearDown]
    public void RemovePublished() => _published.Dispose();

    [Test]
    public void PublishFolder_HasWhatTheHostReadsAtRunTime()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(_published.Path, "ControlCenter.Host.dll")), "the host");
            Assert.That(File.Exists(Path.Combine(_published.Path, "Catalog", "hanoi.json")), "the Hanoi catalogue");
            Assert.That(Directory.GetFiles(Path.Combine(_published.Path, "Scenarios", "Files"), "*.json"), Is.Not.Empty, "the drills' scenarios");
            Assert.That(File.Exists(Path.Combine(_published.Path, "wwwroot", "_content", "MudBlazor", "MudBlazor.min.css")), "MudBlazor's files");
            Assert.That(File.Exists(Path.Combine(_published.Path, "appsettings.Development.json")), Is.False, "the public Development credentials");
        });
    }

    [Test]
    public async Task PublishedHost_InProductionFromEnvironmentOnly_IsReadyAndServesTheWallsFiles()
    {
        await using var database = await PostgresDatabase.Create();
        await using var host = await HostProcess.StartPublished(_published.Path, database.ConnectionString);
        using var client = host.Client();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The wall's page shell asks for these (Wall/App.razor); outside Development MudBlazor's are the pitfall.
        foreach (var asset in new[]
                 {
                     "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js", "/_framework/blazor.web.js",
                     "/lib/leaflet/leaflet.js", "/wall/wall.css", "/wall/wall-map.css", "/ControlCenter.Host.styles.css",
                     "/Wall/App.razor.js", "/Wall/Components/WallMap.razor.js",
                 })
        {
            using var response = await client.GetAsync(asset);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), asset);
            Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(0), asset);
        }

        using var login = await client.GetAsync("/login");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await login.Content.ReadAsStringAsync(), Does.Contain("_content/MudBlazor/MudBlazor.min.css"));
        var scenarios = await client.GetFromJsonAsync<JsonArray>("/api/v1/drills/scenarios");
        Assert.That(scenarios!.Select(s => (string?)s!["name"]), Does.Contain("monsoon-storm"), "the scenario files are read from the publish folder");
    }

    [TestCase("Ingest__Keys__0__Key", "No ingest key is configured")]
    [TestCase("Auth__Users__0__PasswordHash", "No users are configured")]
    [TestCase("Storage__ConnectionString", "Storage:ConnectionString is not set")]
    public async Task PublishedHost_InProductionWithoutASecret_RefusesToStartSayingWhatToSet(string missing, string message)
    {
        var environment = ProductionSecrets();
        environment.Remove(missing);

        var run = await CommandLine.Run("dotnet", [Path.Combine(_published.Path, "ControlCenter.Host.dll")], _published.Path, StartTimeout,
            environment: environment);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public async Task PublishedHost_KubernetesOnSqlite_RefusesToStart()
    {
        var environment = ProductionSecrets();
        environment["Storage__Provider"] = "Sqlite";
        environment["Orleans__Kubernetes"] = "true";

        using var data = new TempDirectory();
        environment["Storage__DataDirectory"] = data.Path;
        var run = await CommandLine.Run("dotnet", [Path.Combine(_published.Path, "ControlCenter.Host.dll")], _published.Path, StartTimeout,
            environment: environment);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("Orleans:Kubernetes is true but Storage:Provider is Sqlite"));
    }

    /// <summary>What k8s/ puts in the silo's Secret, with values that a start-up check accepts (no database is reached).</summary>
    private static Dictionary<string, string> ProductionSecrets() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Storage__Provider"] = "PostgreSql",
        ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
        ["Ingest__Keys__0__Name"] = "gateway",
        ["Ingest__Keys__0__Key"] = "a-key",
        ["Auth__Users__0__Username"] = "admin",
        ["Auth__Users__0__Role"] = "admin",
        ["Auth__Users__0__PasswordHash"] = ControlCenter.Host.People.UserDirectory.Hash("refused"),
    };
}
