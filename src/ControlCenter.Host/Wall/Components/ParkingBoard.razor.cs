using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Components;

/// <summary>The parking pilot's lots as a table; a click on a lot opens it in the entity panel.</summary>
public sealed partial class ParkingBoard
{
    /// <summary>The lot's derived figures, in the order of the board's columns.</summary>
    private static readonly string[] Figures = ["free", "held", "occupied", "sessionsToday", "revenueTodayVnd"];

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;

    [Parameter] public EventCallback<string> OnSelect { get; set; }

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    /// <summary>Why a lot takes no cars ("flood", or an operator's reason), or null while it is open.</summary>
    private static string? ClosedBy(EntityState? state) =>
        state?.Derived.GetValueOrDefault("available") is false
            ? Convert.ToString(state.Derived.GetValueOrDefault("unavailableReason"), CultureInfo.InvariantCulture)
            : null;

    /// <summary>A lot's figure in the wall's language ("1.250.000" in Vietnamese), or a dash when unknown.</summary>
    private static string Figure(EntityState? state, string name) =>
        state?.Derived.GetValueOrDefault(name) is { } value
        && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("#,0", CultureInfo.CurrentCulture)
            : "–";
}
