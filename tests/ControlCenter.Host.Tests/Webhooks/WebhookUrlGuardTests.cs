using ControlCenter.Host.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ControlCenter.Host.Tests.Webhooks;

/// <summary>
/// The URL checks outside Development, without a host: only IP literals, so nothing is resolved or contacted.
/// </summary>
public class WebhookUrlGuardTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ControlCenter.Host";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static WebhookUrlGuard Guard(string environment) =>
        new(new Environment(environment), new ServiceCollection().BuildServiceProvider(), new ConfigurationBuilder().Build());

    [TestCase("http://203.0.113.10/hook", "https outside Development")]
    [TestCase("https://127.0.0.1/hook", "public address")]
    [TestCase("https://[::1]/hook", "public address")]
    [TestCase("https://10.1.2.3/hook", "public address")]
    [TestCase("https://172.20.0.5/hook", "public address")]
    [TestCase("https://192.168.1.20/hook", "public address")]
    [TestCase("https://169.254.169.254/latest/meta-data", "public address")]
    [TestCase("https://0.0.0.0/hook", "public address")]
    [TestCase("https://[fe80::1]/hook", "public address")]
    [TestCase("https://127.0.0.1:11111/hook", "centre itself")]
    public async Task Problem_OutsideDevelopment_RefusesInternalTargets(string url, string problem)
    {
        Assert.That(await Guard(Environments.Production).Problem(url), Does.Contain(problem));
    }

    [Test]
    public async Task Problem_OutsideDevelopment_AcceptsAPublicHttpsAddress()
    {
        Assert.That(await Guard(Environments.Production).Problem("https://203.0.113.10/hook"), Is.Null);
    }

    [Test]
    public async Task Problem_InDevelopment_AcceptsLoopbackHttp_ButNotTheSiloPorts()
    {
        var guard = Guard(Environments.Development);
        Assert.That(await guard.Problem("http://127.0.0.1:8099/hook"), Is.Null);
        Assert.That(await guard.Problem("http://127.0.0.1:30000/hook"), Does.Contain("centre itself"));
    }
}
