using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ControlCenter.Host.Open;

/// <summary>
/// The open data's own contract at <c>/open/v1/openapi.json</c>: the generated document cut to the public surface,
/// for the anonymous integrators (newsrooms, researchers, other cities) who have no credentials to read
/// <c>/openapi/v1.json</c>. Anonymous, rate-limited and cached like the rest of <c>/open</c>.
/// </summary>
public static class OpenContractEndpoint
{
    public const string DocumentName = "open";
    public const string Path = OpenEndpoints.Prefix + "/openapi.json";

    public static IServiceCollection AddOpenContract(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("open/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Dữ liệu mở Hà Nội — Hanoi open data",
                    Version = "v1",
                    Description = "Anonymous, read-only: air, water, rain, flood, parking, traffic, tourism and public warnings, "
                        + "as JSON, CSV, CAP 1.2 and NGSI-LD. docs/open-data.md is the guide.",
                };
                return Task.CompletedTask;
            });
        });

    public static RouteGroupBuilder MapOpenContract(this RouteGroupBuilder open)
    {
        // The contract is not part of itself.
        open.MapGet("/openapi.json", Get).WithName("OpenContract").AsOpenData("contract", TimeSpan.FromHours(1)).ExcludeFromDescription();
        return open;
    }

    private static async Task<ContentHttpResult> Get([FromKeyedServices(DocumentName)] IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return TypedResults.Text(json, "application/json; charset=utf-8");
    }
}
