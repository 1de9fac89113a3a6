using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ControlCenter.Host.Open;

/// <summary>
/// A public answer from <see cref="OpenResponse"/>: its bytes with their ETag, or <c>304</c> when the caller's copy is
/// current. Declares the 304; the endpoint declares its 200 with the body's content type.
/// </summary>
public sealed class OpenAnswer(IResult result) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => result.ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => NotModified(builder);

    internal static void NotModified(EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
}

/// <summary>An <see cref="OpenAnswer"/> whose body is <typeparamref name="T"/> as JSON: declares both, so the contract is the type serialised.</summary>
public sealed class OpenAnswer<T>(OpenAnswer answer) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        OpenAnswer.NotModified(builder);
    }
}
