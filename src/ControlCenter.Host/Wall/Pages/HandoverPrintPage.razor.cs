using System.Globalization;
using ControlCenter.Domain;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Wall.Handover;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Pages;

/// <summary><c>/handover/print</c>: the same query and report as <see cref="HandoverPage"/>, laid out for paper.</summary>
public sealed partial class HandoverPrintPage
{
    private ShiftWindow? _window;
    private ShiftReport? _report;
    private string? _problem;
    private string? _user;
    private DateTimeOffset _made;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }

    [SupplyParameterFromQuery(Name = "hours")] private string? Hours { get; set; }

    [Inject] private IGrainFactory Grains { get; set; } = null!;

    [Inject] private CityClock Clock { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private string Made => CityTime.Local(_made).ToString("HH:mm dd/MM/yyyy", CultureInfo.CurrentCulture);

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User.Identity?.Name;
        _made = Clock.Now;
        (_window, _problem) = HandoverQuery.Read(From, To, Hours, _made, T);
        if (_window is not null) _report = await ShiftHandover.Read(Grains, _window);
    }
}
