using System.Globalization;
using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// Rings for critical alerts that appear after the wall opened (raised, or raised in severity to critical), for a
/// person who turned the alarm on. The choice is kept per person on the server (<see cref="WallPreferences"/>), so
/// it follows them to any wall. Silenced alerts never ring. It follows the wall's feed: the page re-renders it on
/// every delivery.
/// </summary>
public sealed partial class CriticalAlertAlarm : IAsyncDisposable
{
    /// <summary>Past this many at once (a storm arriving), one notification names the count instead of one each.</summary>
    private const int SeparateNotifications = 3;

    private readonly HashSet<string> _critical = new(StringComparer.Ordinal);
    private IJSObjectReference? _module;
    private bool _seeded;
    private bool _on;
    private bool _ready;
    private bool _armed;
    private string? _permission;

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = null!;

    [Inject] private IGrainFactory Grains { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // Prerendering draws the switch off and disabled; the live circuit reads the person's choice.
        if (!RendererInfo.IsInteractive) return;
        _on = (await WallPreferences.For(Grains, User).Get()).CriticalAlertAlarm;
        _ready = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_ready && _on && !_armed)
        {
            _armed = true;
            var module = await Module();
            await module.InvokeVoidAsync("arm");
            var permission = await module.InvokeAsync<string>("permission");
            if (permission != _permission)
            {
                _permission = permission;
                StateHasChanged();
            }
        }

        var fresh = NewCritical();
        if (_on && fresh.Count > 0) await Ring(fresh);
    }

    /// <summary>Critical alerts not seen critical before. The feed's first snapshot only teaches what is already there.</summary>
    private List<Alert> NewCritical()
    {
        if (Feed.LastDelivery is null) return [];
        var (_, alerts, _) = Feed.Copy();
        var critical = alerts.Where(a => a.IsActive && a.Severity == Severities.Critical && a.Suppressed is null).ToList();
        var fresh = critical.Where(a => _critical.Add(a.Id)).ToList();
        if (_seeded) return fresh;
        _seeded = true;
        return [];
    }

    private async Task Ring(List<Alert> fresh)
    {
        var module = await Module();
        if (fresh.Count <= SeparateNotifications)
        {
            foreach (var alert in fresh) await module.InvokeVoidAsync("ring", T["AlarmTitle"].Value, Describe(alert), alert.Id);
            return;
        }

        await module.InvokeVoidAsync("ring", string.Format(CultureInfo.CurrentCulture, T["AlarmMany"], fresh.Count),
            string.Join(" · ", fresh.Take(SeparateNotifications).Select(Describe)) + " …", "critical-alerts");
    }

    private string Describe(Alert alert)
    {
        var title = WallCulture.English ? alert.TitleEn : alert.Title;
        return alert.ZoneId is not null && Catalog.FindZone(alert.ZoneId) is { } zone ? $"{title} — {(WallCulture.English ? zone.NameEn : zone.Name)}" : title;
    }

    private async Task Toggle()
    {
        var next = !_on;
        if (next)
        {
            try
            {
                _permission = await (await Module()).InvokeAsync<string>("enable");
            }
            catch (JSException)
            {
                _permission = "unsupported";
            }
        }

        _on = (await WallPreferences.For(Grains, User).SetCriticalAlertAlarm(next)).CriticalAlertAlarm;
        _armed = _on;
    }

    private async Task<IJSObjectReference> Module() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Wall/Components/CriticalAlertAlarm.razor.js");

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone; nothing to release there.
        }
    }
}
