using System.CommandLine;
using ControlCenter.Simulator.Replay;

namespace ControlCenter.Simulator.Commands;

/// <summary><c>replay</c>: a slice of a recorded CSV, its timeline moved to end a minute ago.</summary>
public static class ReplayCommand
{
    public static Command Create(GatewayOptions gateway, TextWriter output)
    {
        var mapping = new Option<string>("--mapping")
        {
            Description = "A shipped mapping (hanoi-pm25-2017, birmingham-parking-2016) or a mapping file's path",
            HelpName = "NAME|FILE",
            Required = true,
        };
        var data = new Option<string>("--data") { Description = "The folder the mapping's file is under (../shared/data)", HelpName = "FOLDER", Required = true };
        var skip = new Option<int>("--skip") { Description = "Data rows to skip first", HelpName = "ROWS", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var rows = new Option<int?>("--rows") { Description = "Rows to replay (default: all)", HelpName = "ROWS" }.AtLeast(0);
        var command = gateway.On(new Command("replay", "Replay a recorded CSV through a mapping") { mapping, data, skip, rows });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var centre = gateway.Connect(parse);
            var runner = new ReplayRunner(centre.Client, TimeProvider.System);
            await runner.Run(ReplayRunner.LoadMapping(parse.GetValue(mapping)!), parse.GetValue(data)!, parse.GetValue(skip), parse.GetValue(rows) ?? int.MaxValue,
                line => output.WriteLine(line), cancellationToken);
            return centre.Client.Report.FailedBatches == 0 ? 0 : 1;
        });
        return command;
    }
}
