using ControlCenter.Domain;
using Microsoft.AspNetCore.Components;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>The wall's clock, ticking every second on a live circuit (a prerendered page shows the time it was drawn).</summary>
public sealed partial class WallClock : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private ITimer? _timer;

    /// <summary>The past moment the wall shows (incident review), or null for now.</summary>
    [Parameter] public DateTimeOffset? At { get; set; }

    [Inject] private TimeProvider Time { get; set; } = null!;

    private DateTimeOffset Now => CityTime.Local(At ?? Time.GetUtcNow());

    /// <summary>Vietnamese write the day before the month ("Thứ Ba, 01/12/2026").</summary>
    private static string Format => English ? "ddd d MMM yyyy HH:mm:ss" : "dddd, dd/MM/yyyy HH:mm:ss";

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
            _timer = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, Tick, Tick);
    }

    public void Dispose() => _timer?.Dispose();
}
