using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Deployment;

/// <summary>
/// One overlay of k8s/ rendered by <c>kubectl kustomize</c> and checked by the offline schema validator
/// (ops/k8s/validate.js), as ops/k8s-check.sh does; the objects come back as JSON to assert on.
/// </summary>
public sealed record RenderedOverlay(string Name, ToolRun Validation, JsonArray Objects)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    public static async Task<RenderedOverlay> Render(string overlay)
    {
        // The production overlay reads the operator's secrets.env: render a copy with the committed example in its place.
        using var copy = new TempDirectory();
        CopyFolder(RepositoryFolder.PathOf("k8s"), Path.Combine(copy.Path, "k8s"));
        var example = Path.Combine(copy.Path, "k8s", "overlays", overlay, "secrets.env.example");
        if (File.Exists(example)) File.Copy(example, Path.Combine(copy.Path, "k8s", "overlays", overlay, "secrets.env"));

        var rendered = await CommandLine.Run("kubectl", ["kustomize", Path.Combine(copy.Path, "k8s", "overlays", overlay)], copy.Path, ToolTimeout);
        Assert.That(rendered.ExitCode, Is.Zero, $"kubectl kustomize k8s/overlays/{overlay}: {rendered.Error}");
        var validation = await Validate(rendered.Output);
        return new RenderedOverlay(overlay, validation, JsonNode.Parse(validation.Output) as JsonArray ?? []);
    }

    /// <summary>Runs the validator on YAML text, asking for the parsed objects as JSON on standard output.</summary>
    public static async Task<ToolRun> Validate(string yaml)
    {
        var validator = RepositoryFolder.PathOf("ops", "k8s", "validate.js");
        if (!Directory.Exists(RepositoryFolder.PathOf("ops", "k8s", "node_modules", "kubernetes-models")))
            Assert.Fail("The schema validator is not installed: run ops/k8s-check.sh (ops/test.sh does).");
        return await CommandLine.Run("node", [validator, "--json", "-"], RepositoryFolder.Root, ToolTimeout, input: yaml);
    }

    public JsonObject Find(string kind, string name)
    {
        var found = Objects.OfType<JsonObject>()
            .Where(o => (string?)o["kind"] == kind && (string?)o["metadata"]?["name"] == name)
            .ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"{Name}: one {kind} named {name}");
        return found[0];
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.OfType<JsonObject>().Where(o => (string?)o["kind"] == kind);

    /// <summary>The silo container of the control centre's Deployment.</summary>
    public JsonObject SiloContainer() =>
        Find("Deployment", "controlcenter")["spec"]!["template"]!["spec"]!["containers"]!.AsArray().OfType<JsonObject>()
            .Single(c => (string?)c["name"] == "controlcenter");

    /// <summary>The settings and secrets the silo's environment is made of, base64 decoded: what the host's configuration sees.</summary>
    public Dictionary<string, string> SiloEnvironment()
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in SiloContainer()["envFrom"]!.AsArray().OfType<JsonObject>())
        {
            if (source["configMapRef"]?["name"] is { } map)
                foreach (var (key, value) in OfKind("ConfigMap").Single(o => (string?)o["metadata"]!["name"] == (string?)map)["data"]!.AsObject())
                    environment[key] = (string)value!;
            if (source["secretRef"]?["name"] is { } secret)
                foreach (var (key, value) in OfKind("Secret").Single(o => (string?)o["metadata"]!["name"] == (string?)secret)["data"]!.AsObject())
                    environment[key] = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(((string)value!).Replace("\n", "", StringComparison.Ordinal)));
        }

        return environment;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
