namespace ControlCenter.Simulator.Commands;

/// <summary>
/// Spreads requests over several hosts of one cluster, each request to the next host: a gateway in front of a
/// three-silo centre. A resend goes through here again, so a batch that found a host dead is sent to the next one.
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> hosts, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = hosts[(int)(Interlocked.Increment(ref _next) % hosts.Count)];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = host.Scheme, Host = host.Host, Port = host.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
