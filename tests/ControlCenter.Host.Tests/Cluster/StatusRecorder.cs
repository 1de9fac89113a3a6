using System.Collections.Concurrent;
using System.Net;

namespace ControlCenter.Host.Tests.Cluster;

/// <summary>Records the status of every answer a client got (and whether a 503 said when to come back).</summary>
public sealed class StatusRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, bool RetryAfter, string Path)> _answers = new();

    public int Count => _answers.Count;

    /// <summary>Answers a client's documented retry does not cover: any 5xx but a 503 with Retry-After.</summary>
    public List<string> Unexpected() => _answers
        .Where(a => (int)a.Status >= 500 && !(a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter))
        .Select(a => $"{(int)a.Status} {a.Path}").ToList();

    public int Refused503 => _answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable);

    public void Add(HttpResponseMessage response) =>
        _answers.Enqueue((response.StatusCode, response.Headers.RetryAfter is not null, response.RequestMessage?.RequestUri?.AbsolutePath ?? ""));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Add(response);
        return response;
    }
}
