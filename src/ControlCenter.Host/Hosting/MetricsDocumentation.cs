using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// <c>/metrics</c> is the Prometheus exporter's endpoint, not a route handler, so the generator cannot see it; the
/// contract still says what it answers and who may read it.
/// </summary>
public sealed class MetricsDocumentation : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        const string Tag = "Metrics";
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == Tag)) document.Tags.Add(new OpenApiTag { Name = Tag });
        document.Paths ??= new OpenApiPaths();
        document.Paths[Telemetry.MetricsPath] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "GetMetrics",
                    Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                    Summary = "Read the operational counters and gauges in Prometheus text format",
                    Description = "The centre's controlcenter_* series (docs/api.md), Orleans', ASP.NET Core's, the runtime's and Npgsql's. "
                        + "Needs a person, a feed token or a gateway key, as the read API does.",
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse
                        {
                            Description = "Prometheus text exposition format",
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["text/plain; version=0.0.4"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            },
                        },
                        ["401"] = new OpenApiResponse { Description = "No credentials" },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
