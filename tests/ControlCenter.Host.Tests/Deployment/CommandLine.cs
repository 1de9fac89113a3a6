using System.Diagnostics;

namespace ControlCenter.Host.Tests.Deployment;

/// <summary>What a command-line tool printed and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}; stderr: {Error}";
}

/// <summary>Runs the deployment tools (kubectl, node, dotnet publish) the way ops/ scripts do, and waits for them.</summary>
public static class CommandLine
{
    public static async Task<ToolRun> Run(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"'{fileName}' is not installed ({ex.Message}): ops/test.sh installs it (ops/k8s-check.sh --install).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
                process.StandardInput.Close();
            }

            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
            }

            return new ToolRun(process.ExitCode, await output, await error);
        }
    }
}
