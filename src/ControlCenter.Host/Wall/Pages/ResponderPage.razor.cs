using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Wall.Responder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ControlCenter.Host.Wall.Pages;

/// <summary>
/// The phone layout for responders on the street: the unresolved alerts from the live feed (alerts only, no map),
/// ordered by distance when the browser may say where the phone is, else by severity. Acting on an alert goes
/// through <see cref="WallActions"/>, so the role check and the audit are the wall's own.
/// </summary>
public sealed partial class ResponderPage : IAsyncDisposable
{
    private static readonly string[] Topics = ["alerts"];

    /// <summary>How long the browser may take to find the phone before the list settles for severity order.</summary>
    private const int LocateTimeoutMs = 10_000;

    private readonly WallFeed _feed = new();
    private ClaimsPrincipal? _user;
    private GeoPoint? _here;
    private bool _nearestChosen = true;
    private Location _location;
    private string? _openId;
    private IJSObjectReference? _module;
    private ITimer? _ageTimer;

    private enum Location { NotAsked, Asking, Known, Unavailable }

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private LiveFeed Feed { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    /// <summary>Nearest first needs both the choice and a position; without a position the list is in severity order.</summary>
    private bool Nearest => _nearestChosen && _here is not null;

    private string LiveClass => _feed.Broken ? "cc-live-broken" : _feed.LastDelivery is null ? "cc-live-waiting" : "cc-live-ok";

    private string LiveText => _feed.Broken ? T["Disconnected"] : _feed.LastDelivery is null ? T["Waiting"] : T["Live"];

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        if (!RendererInfo.IsInteractive) return;
        _feed.Changed += OnChanged;
        await _feed.Start(Feed, Time, Topics);
        // Quiet hours bring no deliveries: the cards' ages still move on.
        _ageTimer = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive) await Locate();
    }

    private List<ResponderItem> Items() => ResponderOrder.Order(_feed.Copy().Alerts, Nearest ? _here : null, Catalog);

    private Task OnChanged(IReadOnlyCollection<string> changed) => InvokeAsync(StateHasChanged);

    private void Toggle(string id) => _openId = _openId == id ? null : id;

    private async Task OrderNearest()
    {
        _nearestChosen = true;
        if (_here is null) await Locate();
    }

    private void OrderBySeverity() => _nearestChosen = false;

    /// <summary>Asks the browser where the phone is (the person may refuse; then the order stays by severity).</summary>
    private async Task Locate()
    {
        _location = Location.Asking;
        StateHasChanged();
        GeoPoint? here;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Wall/Pages/ResponderPage.razor.js");
            here = await _module.InvokeAsync<GeoPoint?>("locate", LocateTimeoutMs);
        }
        catch (JSException)
        {
            here = null;
        }

        _here = here is { IsValid: true } ? here : _here;
        _location = _here is null ? Location.Unavailable : Location.Known;
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        _feed.Changed -= OnChanged;
        if (_ageTimer is not null) await _ageTimer.DisposeAsync();
        await _feed.DisposeAsync();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The phone has gone; nothing to release there.
            }
        }
    }
}
