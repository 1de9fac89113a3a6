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
/// or closed by the city clock, the one the rules read, so the line agrees with the alerts.
/// </summary>
public sealed partial class WallMap : IAsyncDisposable
{
    /// <summary>The parking pilot at street level: its lots, junctions, flood sensors and the lake's walking space.</summary>
    private static readonly string[] InsetLayers = ["parking", "traffic", "flood", "tourism"];

    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private DotNetObjectReference<WallMap>? _self;
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
            if (_insetResized && _ready) await JS.InvokeVoidAsync("ccMap.resized", "wall-inset");
            _insetResized = false;
            return;
        }
        _self = DotNetObjectReference.Create(this);
        await JS.InvokeVoidAsync("ccMap.init", _self, new
        {
            tileUrl = Options.Value.TileUrl, attribution = Options.Value.TileAttribution,
            views = new object[]
            {
                new { elementId = "wall-map", lat = 21.038, lon = 105.83, zoom = 13, controls = true, clusters = true },
                new { elementId = "wall-inset", lat = 21.0226, lon = 105.8515, zoom = 16, controls = false, clusters = false, layers = InsetLayers },
            },
            inset = new { frameId = "wall-inset-frame", handleId = "wall-inset-handle" },
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
        if (markers.Count > 0) await JS.InvokeVoidAsync("ccMap.update", markers);
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
        var lines = Catalog.WalkingStreets.Select(w => WalkingStreetLine.Of(w, City.Now, T, English)).ToList();
        var key = string.Join("|", lines.Select(l => $"{l.Id}:{l.Open}:{l.Label}"));
        if (key == _walkingDrawn) return;
        await JS.InvokeVoidAsync("ccMap.walking", lines);
        _walkingDrawn = key;
    }

    private async Task Toggle(string layer, bool visible)
    {
        if (visible) _hidden.Remove(layer); else _hidden.Add(layer);
        await JS.InvokeVoidAsync("ccMap.showLayer", layer, visible);
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
        _self?.Dispose();
        try { if (_ready) await JS.InvokeVoidAsync("ccMap.dispose"); } catch (JSDisconnectedException) { }
    }
}
