using System.Text.Json.Nodes;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.People;
using ControlCenter.Storage;
using Microsoft.Extensions.Configuration;

namespace ControlCenter.Host.Tests.Deployment;

/// <summary>
/// k8s/: every overlay renders with <c>kubectl kustomize</c>, is valid against the Kubernetes API schemas (offline), and
/// says what the deployment promises (k8s/README.md). The tools come from ops/k8s-check.sh, which ops/test.sh runs.
/// </summary>
public class KubernetesManifestTests
{
    private static readonly Dictionary<string, RenderedOverlay> Overlays = [];

    [OneTimeSetUp]
    public async Task RenderEveryOverlay()
    {
        foreach (var overlay in new[] { "dev", "production" })
            Overlays[overlay] = await RenderedOverlay.Render(overlay);
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void Overlay_Rendered_IsValidAgainstTheKubernetesSchemas(string overlay)
    {
        var validation = Overlays[overlay].Validation;
        Assert.That(validation.ExitCode, Is.Zero, validation.Error);
        Assert.That(validation.Error, Does.StartWith("valid: "));
    }

    [TestCase("dev", 1)]
    [TestCase("production", 3)]
    public void Overlay_Rendered_RunsItsNumberOfSilos(string overlay, int silos)
    {
        var deployment = Overlays[overlay].Find("Deployment", "controlcenter");
        Assert.That((int?)deployment["spec"]!["replicas"], Is.EqualTo(silos));
    }

    [Test]
    public void Dev_Rendered_HasItsOwnPostgreSql_AndProductionHasNone()
    {
        var database = Overlays["dev"].Find("StatefulSet", "controlcenter-postgres");
        Assert.That((string?)database["spec"]!["template"]!["spec"]!["containers"]![0]!["image"], Does.StartWith("postgres:"));
        Assert.That(Overlays["dev"].SiloEnvironment()["Storage__ConnectionString"], Does.Contain("Host=controlcenter-postgres;"));
        Assert.That(Overlays["production"].OfKind("StatefulSet"), Is.Empty);
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void Silo_Rendered_HasStartupLivenessAndReadinessProbes(string overlay)
    {
        var silo = Overlays[overlay].SiloContainer();
        Assert.Multiple(() =>
        {
            Assert.That((string?)silo["startupProbe"]?["httpGet"]?["path"], Is.EqualTo("/health/live"));
            Assert.That((string?)silo["livenessProbe"]?["httpGet"]?["path"], Is.EqualTo("/health/live"));
            Assert.That((string?)silo["readinessProbe"]?["httpGet"]?["path"], Is.EqualTo("/health/ready"));
            Assert.That((string?)silo["readinessProbe"]?["httpGet"]?["port"], Is.EqualTo("http"));
        });
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void Silo_Rendered_RunsAsNonRootOnAReadOnlyRootFilesystem_WithLimits(string overlay)
    {
        var pod = Overlays[overlay].Find("Deployment", "controlcenter")["spec"]!["template"]!["spec"]!;
        var silo = Overlays[overlay].SiloContainer();
        Assert.Multiple(() =>
        {
            Assert.That((bool?)pod["securityContext"]?["runAsNonRoot"], Is.True);
            Assert.That((bool?)silo["securityContext"]?["readOnlyRootFilesystem"], Is.True);
            Assert.That((bool?)silo["securityContext"]?["allowPrivilegeEscalation"], Is.False);
            Assert.That(silo["volumeMounts"]!.AsArray().Select(m => (string?)m!["mountPath"]), Does.Contain("/tmp"));
            Assert.That((string?)silo["resources"]?["requests"]?["memory"], Is.Not.Null);
            Assert.That((string?)silo["resources"]?["limits"]?["memory"], Is.Not.Null);
            Assert.That(pod["topologySpreadConstraints"]!.AsArray(), Is.Not.Empty);
        });
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void DisruptionBudget_Rendered_CoversTheSiloPods(string overlay)
    {
        var budget = Overlays[overlay].Find("PodDisruptionBudget", "controlcenter");
        var podLabels = Overlays[overlay].Find("Deployment", "controlcenter")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.That((int?)budget["spec"]!["maxUnavailable"], Is.EqualTo(1));
        foreach (var (key, value) in budget["spec"]!["selector"]!["matchLabels"]!.AsObject())
            Assert.That((string?)podLabels[key], Is.EqualTo((string?)value), $"the budget's selector {key} matches the silo pods");
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void HttpTraffic_Rendered_StaysOnThePodABrowserStartedOn(string overlay)
    {
        var service = Overlays[overlay].Find("Service", "controlcenter-http");
        var ingress = Overlays[overlay].Find("Ingress", "controlcenter");
        Assert.Multiple(() =>
        {
            Assert.That((string?)service["spec"]!["sessionAffinity"], Is.EqualTo("ClientIP"));
            Assert.That((string?)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/affinity"], Is.EqualTo("cookie"));
            Assert.That((string?)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/proxy-read-timeout"], Is.EqualTo("3600"));
            Assert.That((string?)ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"], Is.EqualTo("controlcenter-http"));
        });
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void Silo_Rendered_TakesPodNameAndIpFromTheDownwardApi_WithTheRoleKubernetesHostingNeeds(string overlay)
    {
        var rendered = Overlays[overlay];
        var env = rendered.SiloContainer()["env"]!.AsArray().OfType<JsonObject>().ToDictionary(e => (string)e["name"]!);
        var deployment = rendered.Find("Deployment", "controlcenter");
        var binding = rendered.Find("RoleBinding", "controlcenter-silo");
        var rules = rendered.Find("Role", "controlcenter-silo")["rules"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"], Is.EqualTo("metadata.name"));
            Assert.That((string?)env["POD_IP"]["valueFrom"]!["fieldRef"]!["fieldPath"], Is.EqualTo("status.podIP"));
            Assert.That((string?)env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"], Is.EqualTo("metadata.namespace"));
            Assert.That((string?)env["Orleans__AdvertisedAddress"]["valueFrom"]!["fieldRef"]!["fieldPath"], Is.EqualTo("status.podIP"));
            Assert.That((string?)deployment["spec"]!["template"]!["metadata"]!["labels"]!["orleans/serviceId"], Is.EqualTo("controlcenter"));
            Assert.That((string?)binding["subjects"]![0]!["name"], Is.EqualTo((string?)deployment["spec"]!["template"]!["spec"]!["serviceAccountName"]));
            Assert.That(rules[0]!["verbs"]!.AsArray().Select(v => (string?)v), Is.SupersetOf(new[] { "get", "list", "watch", "patch" }));
        });
    }

    [TestCase("dev")]
    [TestCase("production")]
    public void SiloEnvironment_Rendered_BindsToTheHostsOwnOptions(string overlay)
    {
        var rendered = Overlays[overlay];
        var environment = rendered.SiloEnvironment();
        // The host reads environment variables with "__" as the section separator.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()!;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()!;
        var keys = configuration.GetSection(IngestKeyOptions.Section).Get<IngestKeyOptions>()!;
        var people = configuration.GetSection(PeopleOptions.Section).Get<PeopleOptions>()!;
        var ports = rendered.SiloContainer()["ports"]!.AsArray().OfType<JsonObject>().ToDictionary(p => (string)p["name"]!, p => (int)p["containerPort"]!);
        Assert.Multiple(() =>
        {
            Assert.That(environment["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"));
            Assert.That(silo.Kubernetes, Is.True);
            Assert.That(database.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
            Assert.That(database.ConnectionString, Does.Contain("Host="));
            Assert.That(keys.Keys, Has.Some.Matches<IngestKey>(k => k is { Key.Length: > 0, Name.Length: > 0 }));
            Assert.That(people.Users, Has.Some.Matches<PersonAccount>(u => u is { PasswordHash.Length: > 0, Role.Length: > 0 }));
            Assert.That(ports["silo"], Is.EqualTo(silo.SiloPort));
            Assert.That(ports["gateway"], Is.EqualTo(silo.GatewayPort));
            Assert.That(environment["ASPNETCORE_URLS"], Does.EndWith(":" + ports["http"]));
        });
    }

    [Test]
    public void SiloPorts_Rendered_AreOpenBetweenTheSilos()
    {
        var policy = Overlays["production"].Find("NetworkPolicy", "controlcenter-silo");
        var fromSilos = policy["spec"]!["ingress"]!.AsArray().OfType<JsonObject>().Single(rule => rule["from"] is not null);
        Assert.That(fromSilos["ports"]!.AsArray().Select(p => (string?)p!["port"]), Is.EquivalentTo(new[] { "silo", "gateway" }));
        Assert.That((string?)fromSilos["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/component"], Is.EqualTo("silo"));
    }

    [Test]
    public async Task Validator_ABrokenManifest_IsRefusedNamingTheField()
    {
        const string broken = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              replicas: three
              selector:
                matchLabels: { app: broken }
              template:
                metadata:
                  labels: { app: broken }
                spec:
                  containers:
                  - name: broken
                    image: broken
            """;

        var validation = await RenderedOverlay.Validate(broken);

        Assert.That(validation.ExitCode, Is.EqualTo(1));
        Assert.That(validation.Error, Does.Contain("Deployment/broken").And.Contain("spec/replicas must be integer"));
    }

    [Test]
    public async Task Validator_AKindWithoutSchema_IsRefused()
    {
        const string unknown = """
            apiVersion: example.invalid/v1
            kind: Widget
            metadata:
              name: gadget
            """;

        var validation = await RenderedOverlay.Validate(unknown);

        Assert.That(validation.ExitCode, Is.EqualTo(1));
        Assert.That(validation.Error, Does.Contain("Widget/gadget: no schema for example.invalid/v1 Widget"));
    }
}
