using System.CommandLine;
using ControlCenter.Scenarios.Day;

namespace ControlCenter.Simulator.Commands;

/// <summary><c>normal</c>: a normal Hanoi day, with drivers using the parking app, until stopped or for a while.</summary>
public static class NormalCommand
{
    public static Command Create(GatewayOptions gateway, TextWriter output)
    {
        var appKey = new Option<string>("--app-key")
        {
            Description = "The parking app's key for the simulated drivers; off: no drivers",
            HelpName = "KEY|off",
            DefaultValueFactory = _ => ParkingDrivers.DevelopmentAppKey,
        };
        var speed = Values.Speed();
        var duration = new Option<int?>("--duration") { Description = "Seconds to run (default: until stopped)", HelpName = "SECONDS" }.AtLeast(0);
        var seed = Values.Seed();
        var command = gateway.On(new Command("normal", "Feed a normal day") { appKey, speed, duration, seed });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var centre = gateway.Connect(parse);
            var daySeed = parse.GetValue(seed);
            try
            {
                var drivers = parse.GetValue(appKey) is { Length: > 0 } key && key != "off"
                    ? new ParkingDrivers(centre.Http, key, (await centre.Client.Catalog(cancellationToken)).ParkingLots, daySeed) : null;
                TimeSpan? runFor = parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
                await new DayRunner(centre.Client, TimeProvider.System, drivers: drivers)
                    .Run(parse.GetValue(speed), runFor, daySeed, line => output.WriteLine(line), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped by the operator.
            }

            await output.WriteLineAsync($"simulator: done; {centre.Client.Report}");
            return 0;
        });
        return command;
    }
}
