using System.Security.Claims;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Drills;
using ControlCenter.Host.Feed;
using ControlCenter.Host.People;
using ControlCenter.Host.Wall.Components;
using ControlCenter.Host.Wall.Review;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Pages;

/// <summary>
/// The wall's page: it owns the circuit's feed (opened only on the live circuit, not while prerendering), which
/// alert or entity is open, the incident review's past moment, and the operators' drills.
/// </summary>
public sealed partial class WallPage : IAsyncDisposable
{
    private static readonly int[] DrillSpeeds = [1, 5, 10, 20, 60];

    private readonly WallFeed _feed = new();
    private ReviewBar? _reviewBar;
    private WallMap? _map;
    /// <summary>The picture of a past moment while reviewing one (<see cref="ReviewBar"/>); null when live.</summary>
    private WallFeed? _review;
    private bool _redrawMap;
    private ClaimsPrincipal? _user;
    private ClaimsPrincipal? _onlooker;
    private string? _alertId;
    private string? _entityId;
    private bool _parkingBoard;
    private string _drill = "monsoon-storm";
    private int _drillSpeed = 10;
    private string? _drillProblem;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private LiveFeed Feed { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private DrillControl Drills { get; set; } = null!;

    [Inject] private AuditLog Audit { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private bool IsOperator => _user is { } user && Roles.AtLeast(Roles.Operator).Any(user.IsInRole);

    private string? Role => _user?.FindFirstValue(ClaimTypes.Role);

    /// <summary>What the wall shows: the live feed, or the past moment under review.</summary>
    private WallFeed Shown => _review ?? _feed;

    /// <summary>Nobody acts on the past: while reviewing, the panels get an onlooker (<see cref="ReviewBar.Onlooker"/>).</summary>
    private ClaimsPrincipal Actor => _review is null ? _user! : _onlooker ??= ReviewBar.Onlooker(_user!);

    private string LiveClass =>
        _review is not null ? "cc-live-waiting"
        : _feed.Broken ? "cc-live-broken"
        : _feed.LastDelivery is null ? "cc-live-waiting"
        : "cc-live-ok";

    private string LiveText =>
        _review is not null ? T["Review.NotLive"]
        : _feed.Broken ? T["Disconnected"]
        : _feed.LastDelivery is null ? T["Waiting"]
        : T["Live"];

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        // Prerendering shows the shell only; the live circuit opens the feed.
        if (!RendererInfo.IsInteractive) return;
        _feed.Changed += OnChanged;
        Drills.Changed += OnDrillChanged;
        await _feed.Start(Feed, Time);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_redrawMap || _map is null) return;
        _redrawMap = false;
        await _map.Refresh(null);
    }

    /// <summary>Only what a delivery changed is redrawn on the map; while reviewing, the live feed leaves the map alone.</summary>
    private Task OnChanged(IReadOnlyCollection<string> changed) => InvokeAsync(async () =>
    {
        if (_map is not null && _review is null) await _map.Refresh(changed);
        StateHasChanged();
    });

    /// <summary>A past moment to show, or null for live: the map is redrawn whole once the components have the new picture.</summary>
    private void ShowMoment(WallFeed? moment)
    {
        _review = moment;
        _redrawMap = true;
    }

    private void OnDrillChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task StartDrill()
    {
        if (!IsOperator) return;
        var (refusal, _) = await Drills.Start(_drill, _drillSpeed, _user!.Identity!.Name!);
        _drillProblem = refusal?.Message;
        if (_drillProblem is null) await Record("drill-started", _drill, $"speed {_drillSpeed}");
    }

    private async Task StopDrill()
    {
        if (!IsOperator || Drills.Active is null || await Drills.Stop() is not { } name) return;
        await Record("drill-stopped", name, null);
    }

    private Task Record(string action, string target, string? detail) =>
        Audit.Record(_user!.Identity!.Name!, Role, action, target, detail, "wall");

    private async Task SelectAlert(string id)
    {
        _alertId = id;
        _entityId = null;
        // The map follows the opened alert: its zone in view, its evidence ringed (kept while its markers are explored).
        // While reviewing, the alert as it was at the moment shown: its evidence then, not now.
        if (_map is not null && Shown.FindAlert(id) is { } alert) await _map.FocusAsync(MapFocus.Of(alert, Catalog));
    }

    private void SelectEntity(string id)
    {
        _entityId = id;
        _alertId = null;
        StateHasChanged();
    }

    private async Task ClosePanel()
    {
        _alertId = null;
        _entityId = null;
        if (_map is not null) await _map.FocusAsync(null);
    }

    public async ValueTask DisposeAsync()
    {
        _feed.Changed -= OnChanged;
        Drills.Changed -= OnDrillChanged;
        await _feed.DisposeAsync();
    }
}
