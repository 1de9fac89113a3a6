using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// A webhook receiver on a real loopback port (Kestrel on 127.0.0.1:0): it records every request and answers
/// what <see cref="Answer"/> says for that idempotency key's n-th attempt (1-based).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Request(string Key, string Event, string Signature, string ContentType, byte[] Body, int Status);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status to answer for (key, attempt); may wait on the token to make the sender time out.</summary>
    public Func<string, int, CancellationToken, Task<int>> Answer { get; set; } = (_, _, _) => Task.FromResult(200);

    public string Url => LoopbackApp.AddressOf(_app) + "/hook";

    public IReadOnlyList<Request> Requests => [.. _requests];

    /// <summary>Requests answered 2xx, in arrival order.</summary>
    public IReadOnlyList<Request> Accepted => [.. _requests.Where(r => r.Status is >= 200 and < 300)];

    public int AttemptsFor(string key) => _attempts.GetValueOrDefault(key);

    public static async Task<WebhookReceiver> Start()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.Receive);
        await app.StartAsync();
        return receiver;
    }

    private async Task Receive(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var status = await Answer(key, attempt, http.RequestAborted);
        _requests.Enqueue(new Request(key, http.Request.Headers["X-ControlCenter-Event"].ToString(),
            http.Request.Headers["X-ControlCenter-Signature"].ToString(), http.Request.ContentType ?? "", body.ToArray(), status));
        http.Response.StatusCode = status;
    }

    /// <summary>Fails the first <paramref name="failures"/> attempts of every key with 500, then accepts.</summary>
    public static Func<string, int, CancellationToken, Task<int>> FailFirst(int failures) =>
        (_, attempt, _) => Task.FromResult(attempt <= failures ? 500 : 200);

    /// <summary>Never answers the first <paramref name="hangs"/> attempts of every key (the sender times out), then accepts.</summary>
    public static Func<string, int, CancellationToken, Task<int>> HangFirst(int hangs) =>
        async (_, attempt, cancellationToken) =>
        {
            if (attempt > hangs) return 200;
            try { await new TaskCompletionSource().Task.WaitAsync(cancellationToken); }
            catch (OperationCanceledException) { /* the sender gave up on this attempt */ }
            return 504;
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
