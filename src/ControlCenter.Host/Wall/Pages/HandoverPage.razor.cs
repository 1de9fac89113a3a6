using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Wall.Handover;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Pages;

/// <summary>
/// <c>/handover?from=…&amp;to=…</c> (Hanoi time, <see cref="ShiftWindow.LocalFormat"/>) or <c>?hours=12</c>; nothing
/// means the current shift. Bad input is said on the page, never an error page.
/// </summary>
public sealed partial class HandoverPage
{
    private ShiftWindow? _window;
    private ShiftReport? _report;
    private string? _problem;

    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }

    /// <summary>Read as text: a number that does not parse is the reader's mistake to show, not a failed request.</summary>
    [SupplyParameterFromQuery(Name = "hours")] private string? Hours { get; set; }

    [Inject] private IGrainFactory Grains { get; set; } = null!;

    [Inject] private CityClock Clock { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private string ReturnUrl => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    protected override async Task OnInitializedAsync()
    {
        (_window, _problem) = HandoverQuery.Read(From, To, Hours, Clock.Now, T);
        if (_window is not null) _report = await ShiftHandover.Read(Grains, _window);
    }
}
