using System.CommandLine;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Simulator.Commands;

/// <summary>Where the control centre is and the gateway key to use: options every command takes.</summary>
public sealed class GatewayOptions(HttpMessageHandler? handler)
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = "The control centre (CONTROLCENTER_URL); several hosts of one cluster, comma-separated, take requests in turn",
        HelpName = "URL",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CONTROLCENTER_URL") ?? "http://127.0.0.1:5080",
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "The gateway's ingest key (CONTROLCENTER_INGEST_KEY)",
        HelpName = "KEY",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CONTROLCENTER_INGEST_KEY") ?? "dev-ingest-key-hanoi",
    };

    /// <summary>A command with these options added.</summary>
    public Command On(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        return command;
    }

    public Gateway Connect(ParseResult parse)
    {
        var hosts = parse.GetValue(Url)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray();
        var http = hosts.Length > 1
            ? new HttpClient(new RoundRobinHandler(hosts, handler ?? new SocketsHttpHandler()), disposeHandler: handler is null)
            : handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = hosts[0];
        var key = parse.GetValue(Key)!;
        return new Gateway(http, key, new IngestClient(http, key, new IngestReport()));
    }
}

/// <summary>A connection to the control centre as a gateway.</summary>
public sealed record Gateway(HttpClient Http, string Key, IngestClient Client) : IDisposable
{
    public void Dispose() => Http.Dispose();
}
