namespace ControlCenter.Host.People;

/// <summary>
/// The contract's roles, each allowed what the ones before it are: viewer (the wall, read-only), responder
/// (acknowledge, note, SOP, resolve), operator (silences, manual alerts), admin (catalogue, thresholds, users, keys).
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Responder = "responder";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Responder, Operator, Admin];

    /// <summary>The roles at or above <paramref name="role"/>: who passes a policy named after it.</summary>
    public static string[] AtLeast(string role) => [.. All.SkipWhile(r => r != role)];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
