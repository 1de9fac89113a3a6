using System.CommandLine;
using ControlCenter.Simulator.Commands;

namespace ControlCenter.Simulator;

/// <summary>
/// <c>ControlCenter.Simulator normal|scenario|replay|catalog|load …</c>: feeds a control centre over its public
/// ingest API, as real gateways would. <c>--help</c> after any command lists its options and their defaults.
/// </summary>
public static class SimulatorCommand
{
    /// <summary>Exit code for a command line that could not be run (no command, an unknown option, a bad value).</summary>
    public const int UsageError = 2;

    public static async Task<int> Run(string[] args, TextWriter output, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        var gateway = new GatewayOptions(handler);
        var root = new RootCommand("Feeds a control centre over its public ingest API, as real gateways would.")
        {
            NormalCommand.Create(gateway, output),
            ScenarioCommand.Create(gateway, output),
            ReplayCommand.Create(gateway, output),
            CatalogCommand.Create(gateway, output),
            LoadCommand.Create(gateway, output),
        };
        root.HelpName = "ControlCenter.Simulator";
        // Failures surface to the caller as before (tests and ops/bench read them), not as a printed stack trace.
        var invocation = new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false };

        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken);
            return UsageError;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 || parse.Action is not System.CommandLine.Invocation.ParseErrorAction)
            return await parse.InvokeAsync(invocation, cancellationToken);

        foreach (var error in parse.Errors) await output.WriteLineAsync(error.Message);
        var command = parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ";
        await output.WriteLineAsync($"See: {root.HelpName} {command}--help");
        return UsageError;
    }
}
