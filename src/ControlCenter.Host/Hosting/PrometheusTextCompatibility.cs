
namespace ControlCenter.Host.Hosting;

/// <summary>
/// The OpenTelemetry exporter writes a series without labels as <c>name{} 1</c>; the first release (and every
/// dashboard, alert rule and script written against it) had <c>name 1</c>, as Prometheus' own client libraries
/// write it. Both parse the same in Prometheus; this rewrites the scrape to the latter, and nothing else.
/// </summary>
public static class PrometheusTextCompatibility
{
    private static readonly byte[] EmptyLabels = "{} "u8.ToArray();

    public static IApplicationBuilder UsePlainLabelFreeSeries(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var text = Rewrite(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        http.Response.ContentLength = text.Length;
        await original.WriteAsync(text, http.RequestAborted);
    });

    /// <summary>Drops <c>{}</c> before the value on sample lines; comments and labelled series pass unchanged.</summary>
    public static byte[] Rewrite(ReadOnlySpan<byte> scrape)
    {
        var output = new MemoryStream(scrape.Length);
        while (!scrape.IsEmpty)
        {
            var end = scrape.IndexOf((byte)'\n');
            var line = end < 0 ? scrape : scrape[..(end + 1)];
            var braces = line.IndexOf(EmptyLabels);
            if (braces > 0 && line[0] != (byte)'#')
            {
                output.Write(line[..braces]);
                output.Write(line[(braces + 2)..]);
            }
            else output.Write(line);
            scrape = scrape[line.Length..];
        }

        return output.ToArray();
    }
}
