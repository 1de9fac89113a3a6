using Microsoft.JSInterop;

namespace ControlCenter.Host.Wall.Components;

/// <summary>The map following the opened alert (kept apart from the drawing of the map itself).</summary>
public partial class WallMap
{
    /// <summary>Fits the city map to an opened alert's zone and rings its evidence markers; null clears the rings.</summary>
    public async Task FocusAsync(MapFocus? focus)
    {
        if (!_ready) return;
        try { await _maps!.InvokeVoidAsync("focus", focus); }
        catch (JSDisconnectedException) { }
    }
}
