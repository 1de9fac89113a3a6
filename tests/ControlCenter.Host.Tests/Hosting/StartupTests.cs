using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>Missing or broken configuration stops the host at once, with a message that says what to set.</summary>
public class StartupTests
{
    [Test]
    public void OutsideDevelopment_WithoutIngestKeys_RefusesToStart()
    {
        using var data = new TempDirectory();
        using var host = new ConfiguredHost("Production", ("Storage:DataDirectory", data.Path));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain("No ingest key is configured").And.Contain("Ingest__Keys__0__Key"));
    }

    [Test]
    public void OutsideDevelopment_WithoutUsers_RefusesToStart()
    {
        using var data = new TempDirectory();
        using var host = new ConfiguredHost("Production", ("Storage:DataDirectory", data.Path), ("Ingest:Keys:0:Name", "g"), ("Ingest:Keys:0:Key", "k"));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain("No users are configured").And.Contain("Auth:Users:0:PasswordHash"));
    }

    [TestCase("raw")]
    [TestCase("grain-ceiling")]
    public void OutsideDevelopment_WithABenchmarkMode_RefusesToStart(string mode)
    {
        using var data = new TempDirectory();
        using var host = new ConfiguredHost("Production", ("Storage:DataDirectory", data.Path), ("Ingest:Keys:0:Name", "g"), ("Ingest:Keys:0:Key", "k"),
            ("Bench:Mode", mode));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain($"Bench:Mode is '{mode}' in the Production environment").And.Contain("unset Bench__Mode"));
    }

    [Test]
    public async Task OutsideDevelopment_WithAnIdentityProviderInsteadOfUsers_Starts()
    {
        using var data = new TempDirectory();
        await using var provider = await FakeIdentityProvider.Start();
        await using var host = new ConfiguredHost("Production", ("Storage:DataDirectory", data.Path), ("Ingest:Keys:0:Name", "g"), ("Ingest:Keys:0:Key", "k"),
            ("Auth:Oidc:Authority", provider.Authority), ("Auth:Oidc:ClientId", FakeIdentityProvider.ClientId), ("Auth:Oidc:ClientSecret", "s"),
            ("Auth:Oidc:RequireHttpsMetadata", "false"));
        using var client = host.CreateClient();
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public void IdentityProviderOnPlainHttp_RefusesToStart_SayingWhy()
    {
        using var data = new TempDirectory();
        using var host = new ConfiguredHost("Production", ("Storage:DataDirectory", data.Path), ("Ingest:Keys:0:Name", "g"), ("Ingest:Keys:0:Key", "k"),
            ("Auth:Oidc:Authority", "http://sso.example"), ("Auth:Oidc:ClientId", "c"));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain("is not HTTPS"));
    }

    [Test]
    public void BrokenCatalogue_RefusesToStart_ListingEveryProblem()
    {
        using var data = new TempDirectory();
        var path = Path.Combine(data.Path, "bad.json");
        File.WriteAllText(path, """{"city":"x","zones":[],"parkingLots":[{"id":"P 1","name":"a","nameEn":"a","lat":0,"lon":0,"zoneId":"nowhere","capacity":0,"street":"s"}],"junctions":[],"sensors":[]}""");
        using var host = new ConfiguredHost("Development", ("Storage:DataDirectory", data.Path), ("Catalog:Path", path));
        var error = Assert.Throws<InvalidDataException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain("'P 1'").And.Contain("unknown zone 'nowhere'").And.Contain("capacity 0"));
    }

    [Test]
    public void PostgreSqlWithoutConnectionString_RefusesToStart_SayingWhatToSet()
    {
        using var host = new ConfiguredHost("Development", ("Storage:Provider", "PostgreSql"));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.That(error!.Message, Does.Contain("Storage__ConnectionString"));
    }

    private sealed class ConfiguredHost(string environment, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mqtt:Port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
