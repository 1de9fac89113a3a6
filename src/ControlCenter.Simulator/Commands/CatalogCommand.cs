using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Simulator.Load;

namespace ControlCenter.Simulator.Commands;

/// <summary><c>catalog</c>: the city's catalogue in K copies, for load runs bigger than Hanoi.</summary>
public static class CatalogCommand
{
    public static Command Create(GatewayOptions gateway, TextWriter output)
    {
        var multiply = new Option<int>("--multiply") { Description = "Copies of the city", HelpName = "K", Required = true }.AtLeast(1);
        var path = new Option<string>("--out") { Description = "Where to write the multiplied catalogue", HelpName = "FILE", Required = true };
        var from = new Option<string?>("--from") { Description = "A catalogue file to multiply (default: the centre's at --url)", HelpName = "CATALOG_FILE" };
        var command = gateway.On(new Command("catalog", "Write the catalogue multiplied K times") { multiply, path, from });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var copies = parse.GetValue(multiply);
            var file = parse.GetValue(from);
            var catalog = JsonNode.Parse(file is not null
                ? await File.ReadAllTextAsync(file, cancellationToken)   // ops/bench: no centre needs to run first
                : await CatalogText(gateway, parse, cancellationToken))!.AsObject();
            var multiplied = CatalogMultiplier.Multiply(catalog, copies);
            var target = parse.GetValue(path)!;
            await File.WriteAllTextAsync(target, multiplied.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), cancellationToken);
            await output.WriteLineAsync($"catalog: {multiplied["sensors"]!.AsArray().Count} sensors in {copies} copies written to {target}");
            return 0;
        });
        return command;
    }

    private static async Task<string> CatalogText(GatewayOptions gateway, ParseResult parse, CancellationToken cancellationToken)
    {
        using var centre = gateway.Connect(parse);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
        request.Headers.Add("X-Api-Key", centre.Key);
        using var response = await centre.Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
