namespace ControlCenter.Domain.Egov;

/// <summary>The fields of a row, in the CSV header's documented order (JSON uses the same names).</summary>
public static class ServiceFiguresFields
{
    public const string Department = "department";
    public const string Name = "name";
    public const string NameEn = "nameEn";
    public const string Month = "month";
    public const string ProceduresInForce = "proceduresInForce";
    public const string ApplicationsReceived = "applicationsReceived";
    public const string Settled = "settled";
    public const string SettledOnTime = "settledOnTime";
    public const string Overdue = "overdue";
    public const string OnlineLevel3 = "onlineLevel3";
    public const string OnlineLevel4 = "onlineLevel4";

    public static readonly IReadOnlyList<string> Text = [Department, Name, NameEn, Month];

    public static readonly IReadOnlyList<string> Counts =
        [ProceduresInForce, ApplicationsReceived, Settled, SettledOnTime, Overdue, OnlineLevel3, OnlineLevel4];

    public static readonly IReadOnlyList<string> All = [.. Text, .. Counts];

    /// <summary>The CSV header line the import takes and the sample file uses.</summary>
    public static string Header => string.Join(',', All);
}

/// <summary>One row as read from a file, before its values are checked: each field's text, by field name.</summary>
public sealed record RawRow(int Line, IReadOnlyDictionary<string, string> Fields);

/// <summary>What a parser read: the rows, the errors it found itself (shape, types) and whether the row cap was passed.</summary>
public sealed record FiguresDocument(IReadOnlyList<RawRow> Rows, IReadOnlyList<RowError> Errors, bool TooManyRows = false);
