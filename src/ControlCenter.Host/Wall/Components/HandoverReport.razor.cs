using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall.Handover;
using ControlCenter.Host.Wall.Responder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Components;

/// <summary>A <see cref="ShiftReport"/> in the wall's language, the same on the handover page and its print view.</summary>
public sealed partial class HandoverReport
{
    [Parameter, EditorRequired] public ShiftReport Report { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private string Place(Alert alert) => ResponderOrder.PlaceName(alert, Catalog, WallCulture.English);

    private static string Long(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.CurrentCulture);

    private static string Short(DateTimeOffset? at) => at is { } t ? CityTime.Local(t).ToString("HH:mm dd/MM", CultureInfo.CurrentCulture) : "";

    private string ActionName(string action) => T["Action." + action] is { ResourceNotFound: false } known ? known.Value : action;
}
