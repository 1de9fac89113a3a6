using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Api;

/// <summary>
/// The API's refusals, as RFC 9457 problem details. One place, so every endpoint says "bad request" the same way
/// and declares it the same way in the OpenAPI document.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(string detail, string title = "Invalid request") =>
        Of(StatusCodes.Status400BadRequest, title, detail);

    public static ProblemHttpResult NotFound(string detail, string title = "Not found") =>
        Of(StatusCodes.Status404NotFound, title, detail);

    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
