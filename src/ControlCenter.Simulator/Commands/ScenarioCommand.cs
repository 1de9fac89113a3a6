using System.CommandLine;
using ControlCenter.Scenarios;

namespace ControlCenter.Simulator.Commands;

/// <summary><c>scenario NAME|list</c>: an incident over a normal day, optionally checking that its alerts are raised.</summary>
public static class ScenarioCommand
{
    public static Command Create(GatewayOptions gateway, TextWriter output)
    {
        var name = new Argument<string>("NAME")
        {
            Description = $"A shipped scenario ({string.Join(", ", Scenario.Names)}), a scenario file's path, or list",
        };
        var speed = Values.Speed();
        var check = new Option<bool>("--check") { Description = "Wait for the alerts the scenario expects: exit 0 when all are raised, 1 when one is missing" };
        var then = new Option<string>("--then") { Description = "stop: end when the timeline is played (default: carry on with the normal day)" }
            .AcceptOnlyFromAmong("stop");
        var seed = Values.Seed();
        var command = gateway.On(new Command("scenario", "Play an incident over a normal day") { name, speed, check, then, seed });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(name) == "list")
            {
                foreach (var shipped in Scenario.Names) await output.WriteLineAsync($"{shipped}: {Scenario.Load(shipped).TitleEn}");
                return 0;
            }

            Scenario scenario;
            try
            {
                scenario = Scenario.Load(parse.GetValue(name)!);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or System.Text.Json.JsonException)
            {
                await output.WriteLineAsync(ex.Message);
                return SimulatorCommand.UsageError;
            }

            using var centre = gateway.Connect(parse);
            var runner = new ScenarioRunner(centre.Client, new AlertCheck(centre.Http, centre.Key), TimeProvider.System);
            return await runner.Run(scenario, parse.GetValue(speed), parse.GetValue(check), parse.GetValue(then) == "stop", parse.GetValue(seed),
                line => output.WriteLine(line), cancellationToken);
        });
        return command;
    }
}
