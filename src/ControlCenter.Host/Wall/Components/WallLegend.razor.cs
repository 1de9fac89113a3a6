using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// The map's legend, in the wall's language, from <see cref="MapLegend"/> (the markers' own colour scales). It is
/// prerendered folded; once live, WallLegend.razor.js says whether it opens (the choice this browser remembers, else
/// the map's size: folded on a laptop, open on a wall), and every click is remembered there.
/// </summary>
public sealed partial class WallLegend : IAsyncDisposable
{
    private ElementReference _legend;
    private IJSObjectReference? _module;
    private bool _open;
    private bool _clicked;

    /// <summary>The legend's box, which the city map keeps its markers clear of (WallMap.razor.js).</summary>
    public ElementReference Box => _legend;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Wall/Components/WallLegend.razor.js");
        if (_clicked)
        {
            // A click while the module loaded wins over the default.
            await _module.InvokeVoidAsync("remember", _open);
            return;
        }
        _open = await _module.InvokeAsync<bool>("startsOpen", _legend);
        if (_open) StateHasChanged();
    }

    private async Task Toggle()
    {
        _open = !_open;
        _clicked = true;
        if (_module is not null) await _module.InvokeVoidAsync("remember", _open);
    }

    private string Words(LegendSwatch swatch) => swatch.Key is { } key ? T[key] : (English ? swatch.En : swatch.Vi) ?? "";

    /// <summary>A figure of the kind the domain's markers carry, so the symbol reads as on the map.</summary>
    private static string Sample(string layer) => layer switch
    {
        "parking" => "12", "traffic" => "A", "air" => "42", "water" => "6,4", "rain" => "3", "flood" => "0", "tourism" => "950", _ => "",
    };

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
