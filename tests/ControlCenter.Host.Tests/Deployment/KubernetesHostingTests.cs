using System.Net;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ControlCenter.Host.Tests.Deployment;

/// <summary>
/// <c>Orleans:Kubernetes=true</c> (k8s/base): the silo is named after its pod and advertises the pod's IP. No cluster
/// runs here: the pod's downward-API variables are set in this process (only Kubernetes hosting reads them), and the
/// silo is composed, not started.
/// </summary>
[NonParallelizable]
public class KubernetesHostingTests
{
    private static readonly string[] DownwardApi = ["POD_NAME", "POD_IP", "POD_NAMESPACE"];
    private const string PodName = "controlcenter-6f7d9c-x2x4q";
    // Documentation addresses (RFC 5737): the silo is composed, never started, so nothing is sent to them.
    private const string PodIp = "198.51.100.7";

    [SetUp]
    public void SetPodVariables()
    {
        Environment.SetEnvironmentVariable("POD_NAME", PodName);
        Environment.SetEnvironmentVariable("POD_IP", PodIp);
        Environment.SetEnvironmentVariable("POD_NAMESPACE", "controlcenter");
    }

    [TearDown]
    public void ClearPodVariables()
    {
        foreach (var name in DownwardApi) Environment.SetEnvironmentVariable(name, null);
    }

    [Test]
    public void Silo_OnKubernetes_IsNamedAfterItsPod_AndAdvertisesThePodIp_OnTheConfiguredPorts()
    {
        using var app = Compose(("Orleans:Kubernetes", "true"), ("Orleans:AdvertisedAddress", PodIp));

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var silo = app.Services.GetRequiredService<IOptions<Orleans.Configuration.SiloOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(silo.SiloName, Is.EqualTo(PodName));
            Assert.That(endpoints.AdvertisedIPAddress, Is.EqualTo(IPAddress.Parse(PodIp)));
            Assert.That(endpoints.SiloListeningEndpoint, Is.EqualTo(new IPEndPoint(IPAddress.Any, 11211)));
            Assert.That(endpoints.GatewayListeningEndpoint, Is.EqualTo(new IPEndPoint(IPAddress.Any, 30100)));
        });
    }

    [Test]
    public void Silo_OnKubernetesWithoutThePodIp_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => { using var app = Compose(("Orleans:Kubernetes", "true")); });
        Assert.That(error!.Message, Does.Contain("Orleans__AdvertisedAddress from the pod's IP"));
    }

    [Test]
    public void Silo_NotOnKubernetes_AdvertisesTheConfiguredAddress()
    {
        using var app = Compose(("Orleans:AdvertisedAddress", "203.0.113.10"));

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.That(endpoints.AdvertisedIPAddress, Is.EqualTo(IPAddress.Parse("203.0.113.10")));
        Assert.That(app.Services.GetRequiredService<IOptions<Orleans.Configuration.SiloOptions>>().Value.SiloName, Is.Not.EqualTo(PodName));
    }

    /// <summary>
    /// The host's one stop budget (web server, services, then the silo) ends before Kubernetes would kill the pod, so a
    /// stopping silo always finishes on its own terms; and it can be set.
    /// </summary>
    [Test]
    public void Host_StopsWithinThePodsGracePeriod_OrAsConfigured()
    {
        var manifest = File.ReadAllText(RepositoryFolder.PathOf(Path.Combine("k8s", "base", "deployment.yaml")));
        var grace = System.Text.RegularExpressions.Regex.Match(manifest, @"terminationGracePeriodSeconds:\s*(\d+)");
        Assert.That(grace.Success, Is.True, "k8s/base/deployment.yaml sets terminationGracePeriodSeconds");

        using (var app = Compose())
        {
            var budget = app.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout;
            Assert.That(budget, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(budget, Is.LessThan(TimeSpan.FromSeconds(int.Parse(grace.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))));
        }

        using var configured = Compose(("Orleans:ShutdownTimeout", "00:00:20"));
        Assert.That(configured.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    private static WebApplication Compose(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=none;Username=none;Password=none",
            ["Orleans:SiloPort"] = "11211",
            ["Orleans:GatewayPort"] = "30100",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddCitySilo(builder.LoadCatalog());
        return builder.Build();
    }
}
