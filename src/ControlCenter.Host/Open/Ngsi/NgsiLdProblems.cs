using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// Errors as RFC 7807 problem details with NGSI-LD's error types. What a client sent comes back at most 64
/// characters long and with only name characters (letters, digits, <c>-_.:</c>; anything else as <c>?</c>), so a
/// detail shown in a page cannot carry markup; option values are never echoed.
/// </summary>
public static class NgsiLdProblems
{
    private const string Errors = "https://uri.etsi.org/ngsi-ld/errors/";

    public static ProblemHttpResult BadRequest(string detail, bool listTypes = false) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request data", type: Errors + "BadRequestData",
            extensions: listTypes ? TypesExtension() : null);

    public static ProblemHttpResult NotFound(string detail, bool listTypes = false) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Resource not found", type: Errors + "ResourceNotFound",
            extensions: listTypes ? TypesExtension() : null);

    public static ProblemHttpResult NotAcceptable() =>
        TypedResults.Problem($"Entities are served as {NgsiLdMediaTypes.JsonLd} or {NgsiLdMediaTypes.Json}.",
            statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable");

    public static string Clip(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var kept = value.Length <= 64 ? value : value[..64];
        var safe = string.Create(kept.Length, kept, (chars, from) =>
        {
            for (var i = 0; i < from.Length; i++) chars[i] = char.IsAsciiLetterOrDigit(from[i]) || from[i] is '-' or '_' or '.' or ':' ? from[i] : '?';
        });
        return value.Length <= 64 ? safe : safe + "…";
    }

    public static string TypeList => string.Join(", ", NgsiLdModels.TypeNames);

    private static Dictionary<string, object?> TypesExtension() => new() { ["validTypes"] = NgsiLdModels.TypeNames };
}
