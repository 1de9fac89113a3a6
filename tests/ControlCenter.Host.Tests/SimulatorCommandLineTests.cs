using ControlCenter.Simulator;

namespace ControlCenter.Host.Tests;

/// <summary>The simulator's command line on its own: options, help and refusals, with no centre to talk to.</summary>
public class SimulatorCommandLineTests
{
    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Test]
    public async Task NoCommand_PrintsTheCommands_AndExits2()
    {
        var (exit, output) = await Run();
        Assert.That(exit, Is.EqualTo(SimulatorCommand.UsageError));
        Assert.That(output, Does.Contain("normal").And.Contain("scenario").And.Contain("replay").And.Contain("catalog").And.Contain("load"));
    }

    [Test]
    public async Task Help_ListsACommandsOptions_AndTheirDefaults()
    {
        var (exit, output) = await Run("load", "--help");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("--resend-for").And.Contain("--mqtt").And.Contain("--url").And.Contain("[default: 10000]"));
    }

    [TestCase("normal", "--speed", "0", "--speed must be a positive number")]
    [TestCase("normal", "--speed", "fast", "--speed must be a positive number")]
    [TestCase("load", "--senders", "0", "--senders must be a whole number of at least 1")]
    [TestCase("catalog", "--multiply", "0", "--multiply must be a whole number of at least 1")]
    [TestCase("normal", "--colour", "red", "--colour")]
    public async Task ABadValue_IsRefused_WithWhy_AndExit2(string command, string option, string value, string message)
    {
        var (exit, output) = await Run(command, option, value);
        Assert.That(exit, Is.EqualTo(SimulatorCommand.UsageError), output);
        Assert.That(output, Does.Contain(message));
    }

    [Test]
    public async Task ScenarioList_NamesTheShippedScenarios()
    {
        var (exit, output) = await Run("scenario", "list");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("monsoon-storm: ").And.Contain("walking-street-storm: "));
    }
}
