namespace ControlCenter.Domain.Egov;

/// <summary>What an import may hold. A department settles tens of thousands of applications a month, not billions.</summary>
public static class ServiceFiguresLimits
{
    public const int MaxRows = 5000;
    public const int MaxNameLength = 200;
    public const long MaxCount = 10_000_000;
    public const int EarliestYear = 2000;

    /// <summary>How many row errors an answer lists (the count of all of them is given too).</summary>
    public const int MaxListedErrors = 1000;
}
