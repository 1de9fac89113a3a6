namespace ControlCenter.Contracts.Messages;

/// <summary>
/// What an operator tells citizens about an alert: its own public title and text in Vietnamese and English and
/// the area it concerns. It is in force while the alert is unresolved and the warning not withdrawn. Only these
/// words (and the area and times) reach the public surface; the alert's notes, procedure and people never do.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PublicWarning
{
    [Id(0)] public required string Title { get; init; }
    [Id(1)] public required string TitleEn { get; init; }
    [Id(2)] public required string Text { get; init; }
    [Id(3)] public required string TextEn { get; init; }
    [Id(4)] public required PublicArea Area { get; init; }
    [Id(5)] public DateTimeOffset PublishedAt { get; init; }
    [Id(6)] public required string PublishedBy { get; init; }
    /// <summary>1 when first published; each edit of the words or the area adds one (broadcasters see an update).</summary>
    [Id(7)] public int Revision { get; init; } = 1;
    [Id(8)] public DateTimeOffset? UpdatedAt { get; init; }
    [Id(9)] public DateTimeOffset? WithdrawnAt { get; init; }
    [Id(10)] public string? WithdrawnBy { get; init; }

    public bool Withdrawn => WithdrawnAt is not null;
}

/// <summary>The area a public warning concerns: a circle (CAP's <c>circle</c>) with a name in both languages.</summary>
[GenerateSerializer, Immutable]
public sealed record PublicArea(
    [property: Id(0)] string Description, [property: Id(1)] string DescriptionEn,
    [property: Id(2)] double Lat, [property: Id(3)] double Lon, [property: Id(4)] double RadiusKm, [property: Id(5)] string? ZoneId);

/// <summary>The words and area of a warning an operator publishes (or edits).</summary>
[GenerateSerializer, Immutable]
public sealed record PublicWarningDraft(
    [property: Id(0)] string Title, [property: Id(1)] string TitleEn, [property: Id(2)] string Text, [property: Id(3)] string TextEn,
    [property: Id(4)] PublicArea Area);
