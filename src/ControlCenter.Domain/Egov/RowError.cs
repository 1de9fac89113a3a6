namespace ControlCenter.Domain.Egov;

/// <summary>
/// What is wrong with one row of an import: its 1-based line (the CSV file's line, the header being line 1; or
/// the position in a JSON array), the field (<c>*</c> for the row or file as a whole), a stable code and a reason.
/// </summary>
public sealed record RowError(int Line, string Field, string Code, string Reason);

/// <summary>The codes an import's row errors carry.</summary>
public static class RowErrorCodes
{
    public const string Required = "required";
    public const string NotAWholeNumber = "not-a-whole-number";
    public const string Negative = "negative";
    public const string TooLarge = "too-large";
    public const string BadId = "bad-id";
    public const string BadMonth = "bad-month";
    public const string FutureMonth = "future-month";
    public const string BadText = "bad-text";
    public const string TooLong = "too-long";
    public const string OnTimeAboveSettled = "on-time-above-settled";
    public const string OnlineAboveInForce = "online-above-in-force";
    public const string Duplicate = "duplicate";
    public const string UnknownField = "unknown-field";
    public const string WrongType = "wrong-type";
    public const string Malformed = "malformed";
    public const string BadHeader = "bad-header";
    public const string Empty = "empty";
}
