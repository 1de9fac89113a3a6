using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// The last few hundred lines a test host logged: warnings and errors from everywhere, and the steps of a silo's
/// shutdown. Kept in memory and printed only when a host stops slowly or fails to stop, so that a teardown that
/// times out once in a CI run says which stage it was waiting for.
/// </summary>
public sealed class HostLogTail : ILoggerProvider
{
    private const int Keep = 2000;

    /// <summary>Categories logged at Debug into the tail: the silo's lifecycle stages and its grain deactivations.</summary>
    public static readonly string[] ShutdownCategories =
        ["Orleans.Runtime.SiloLifecycleSubject", "Orleans.Runtime.Catalog", "Orleans.Runtime.Silo", "Microsoft.Extensions.Hosting", "Microsoft.Hosting.Lifetime", TimedHostedServices.Category];

    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    /// <summary>The kept lines, oldest first.</summary>
    public string Text => string.Join(Environment.NewLine, _lines);

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Keep) _lines.TryDequeue(out _);
    }

    public void Dispose()
    {
    }

    private sealed class Writer(HostLogTail tail, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}";
            if (exception is not null) line += $" [{exception.GetType().Name}: {exception.Message}]";
            tail.Add(line);
        }
    }
}
