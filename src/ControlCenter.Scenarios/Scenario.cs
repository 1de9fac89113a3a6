using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlCenter.Scenarios;

/// <summary>
/// An incident, as a data file: a timeline of effects laid over a normal day, and the alerts it must raise.
/// Times are scenario minutes in city time (compressed by the run's speed); an effect may start before 0,
/// meaning it was already going on (the air backfill reads it).
/// </summary>
public sealed record Scenario(
    string Name, string Title, string TitleEn, string Description, double Minutes,
    IReadOnlyList<ScenarioEffect> Effects, IReadOnlyList<ExpectedAlert> Expect)
{
    /// <summary>
    /// When the scenario happens in city time, for the normal day under it: "saturday 20:00" (the latest such
    /// moment) or a date and time with its offset; now when absent. See <see cref="ScenarioClock"/>.
    /// </summary>
    public string? CityStart { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios", "Files");

    public static IEnumerable<string> Names => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    /// <summary>A shipped scenario by name, or a scenario file by path.</summary>
    public static Scenario Load(string nameOrPath)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(Folder, nameOrPath + ".json");
        if (!File.Exists(path)) throw new FileNotFoundException($"No scenario '{nameOrPath}' (shipped: {string.Join(", ", Names)}).");
        var scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");
        var problems = scenario.Problems().ToList();
        return problems.Count == 0 ? scenario : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Minutes <= 0) yield return "a scenario needs a name and minutes > 0";
        if (!ScenarioClock.IsValid(CityStart)) yield return $"cityStart '{CityStart}' is neither \"saturday 20:00\" nor a date and time with its offset";
        foreach (var (effect, i) in Effects.Select((e, i) => (e, i)))
        {
            if (effect.To <= effect.From) yield return $"effect {i}: 'to' must come after 'from'";
            if (effect.Sensors is null && effect.Kind is null && effect.Zones is null) yield return $"effect {i}: select sensors by 'sensors', 'kind' and/or 'zones'";
            if (!effect.Silent && (effect.Values?.Count ?? 0) + (effect.Rates?.Count ?? 0) == 0) yield return $"effect {i}: give values, rates, or silent";
        }

        if (Expect.Count == 0) yield return "a scenario says which alerts it must raise ('expect')";
    }
}
