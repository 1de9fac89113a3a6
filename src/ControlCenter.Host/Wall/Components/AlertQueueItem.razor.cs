using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// One row of the alert queue, a lead or a member of an incident. Members name their place (the street, the gauge,
/// the car park), since under one "Ngập úng" a dozen rows would otherwise read alike.
/// </summary>
public sealed partial class AlertQueueItem
{
    [Parameter, EditorRequired] public Alert Alert { get; set; } = null!;
    [Parameter] public bool Selected { get; set; }
    /// <summary>Folded under another alert of its incident.</summary>
    [Parameter] public bool Member { get; set; }
    [Parameter] public EventCallback<string> OnSelect { get; set; }
    /// <summary>The moment the queue shows, for the alert's age (one clock for every row).</summary>
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    private string ZoneName => Alert.ZoneId is { } id && Catalog.FindZone(id) is { } zone ? (English ? zone.NameEn : zone.Name) : "Hà Nội";

    /// <summary>The place the alert's scope names, unless that is just its zone again.</summary>
    private string? Place => Member && Alert.Scope != Alert.ZoneId ? EvidenceText.Place(Alert.Scope, Catalog, English) : null;
}
