using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// The wall's map. Markers are sent to the script only where the feed changed something, and all of them once a
/// minute (stale ages and walking streets move with the clock even in a quiet city). The walking streets are open
/// or closed by the city clock, the one the rules read, so the line agrees with the alerts. The drawing is
/// WallMap.razor.js, imported as a module; its <c>create</c> hands back this map's own handle, so every call below
/// goes to this WallMap's maps and no other's.
/// </summary>
public sealed partial class WallMap : IAsyncDisposable
{
    /// <summary>The parking pilot at street level: its lots, junctions, flood sensors and the lake's walking space.</summary>
    private static readonly string[] InsetLayers = ["parking", "traffic", "flood", "tourism"];

    /// <summary>The city view: zoom 13 shows the districts around Hoàn Kiếm on a 1920×1080 wall.</summary>
    private const int CityZoom = 13;

    /// <summary>
    /// A map at least this many pixels on its shorter side (a 3840×2160 video wall's, about twice a 1920 wall's)
    /// opens one step closer, <see cref="LargeCityZoom"/>, so the same districts fill it instead of bunching.
    /// </summary>
    private const int LargeMapFromPx = 1600;

    private const int LargeCityZoom = CityZoom + 1;

    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private DotNetObjectReference<WallMap>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _maps;
    private ElementReference _cityMap, _insetMap, _insetFrame, _insetHandle, _layers;
    private WallLegend _legend = null!;
    private bool _ready;
    private bool _insetCollapsed;
    private bool _insetResized;
    private List<(string Id, string Layer, double Lat, double Lon, string Name, string NameEn)> _places = [];
    private DateTimeOffset _lastFull;
    private ITimer? _tick;
    private string? _walkingDrawn;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private CityCatalog Catalog { get; set; } = null!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private CityClock City { get; set; } = null!;
    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;
    [Parameter] public EventCallback<string> OnSelect { get; set; }

    protected override void OnInitialized() => _places = [.. MapMarkers.Places(Catalog)];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            // The inset was folded or unfolded: Leaflet measures its box again once the new size is on screen.
            if (_insetResized && _ready) await _maps!.InvokeVoidAsync("resized", "inset");
            _insetResized = false;
            return;
        }
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Wall/Components/WallMap.razor.js");
        _maps = await _module.InvokeAsync<IJSObjectReference>("create", _self, new
        {
            tileUrl = Options.Value.TileUrl, attribution = Options.Value.TileAttribution,
            views = new object[]
            {
                new { name = "city", element = _cityMap, lat = 21.038, lon = 105.83, zoom = CityZoom, largeZoom = LargeCityZoom, largeFromPx = LargeMapFromPx, controls = true, clusters = true },
                new { name = "inset", element = _insetMap, lat = 21.0226, lon = 105.8515, zoom = 16, controls = false, clusters = false, layers = InsetLayers },
            },
            inset = new { frame = _insetFrame, handle = _insetHandle },
            legend = new { box = _legend.Box, above = _layers },
        });
        _ready = true;
        await Refresh(null);
        _tick = Time.CreateTimer(_ => _ = InvokeAsync(Tick), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private async Task Tick()
    {
        try { await Refresh(null); }
        catch (JSDisconnectedException) { }
    }

    /// <summary>Redraws the markers of the changed entities (all when null).</summary>
    public async Task Refresh(IReadOnlyCollection<string>? changed)
    {
        if (!_ready) return;
        var now = Feed.Now(Time);
        var ids = changed?.ToHashSet(StringComparer.Ordinal);
        var markers = _places.Where(p => ids is null || ids.Contains(p.Id)).Select(p => MapMarkers.Of(p, Feed.FindState(p.Id), English, now, T)).ToList();
        if (markers.Count > 0) await _maps!.InvokeVoidAsync("update", markers);
        await DrawWalkingStreets();
        if (ids is not null && now - _lastFull > TimeSpan.FromMinutes(1))
        {
            _lastFull = now;
            await Refresh(null);
        }
    }

    /// <summary>Sends the walking streets when their state or label differs from what the map shows.</summary>
    private async Task DrawWalkingStreets()
    {
        // Open or closed as at the moment shown: a reviewed Saturday night has its walking streets open.
        var at = Feed.AsOf ?? City.Now;
        var lines = Catalog.WalkingStreets.Select(w => WalkingStreetLine.Of(w, at, T, English)).ToList();
        var key = string.Join("|", lines.Select(l => $"{l.Id}:{l.Open}:{l.Label}"));
        if (key == _walkingDrawn) return;
        await _maps!.InvokeVoidAsync("walking", lines);
        _walkingDrawn = key;
    }

    private async Task Toggle(string layer, bool visible)
    {
        if (visible) _hidden.Remove(layer); else _hidden.Add(layer);
        if (_ready) await _maps!.InvokeVoidAsync("showLayer", layer, visible);
    }

    /// <summary>Folds the inset to its title bar (or back); Leaflet then measures the inset again.</summary>
    private void ToggleInset()
    {
        _insetCollapsed = !_insetCollapsed;
        _insetResized = true;
    }

    [JSInvokable]
    public Task Selected(string id) => OnSelect.InvokeAsync(id);

    public async ValueTask DisposeAsync()
    {
        _tick?.Dispose();
        try
        {
            if (_maps is not null)
            {
                await _maps.InvokeVoidAsync("dispose");
                await _maps.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone, and its maps with it.
        }
        _self?.Dispose();
    }
}
