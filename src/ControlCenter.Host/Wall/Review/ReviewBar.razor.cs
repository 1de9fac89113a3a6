using System.Globalization;
using System.Security.Claims;
using ControlCenter.Domain;
using ControlCenter.Domain.Readings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Review;

/// <summary>
/// Moves the wall through the past: a moment picked (or given as <c>?at=</c> in the address), stepped a minute or
/// a quarter hour at a time, or played forward at 1× to 60× until it reaches now, when the wall is live again.
/// Each moment is built from the record (<see cref="WallMoment"/>) and handed to the page as a wall feed of its own;
/// null hands the live one back.
/// </summary>
public sealed partial class ReviewBar : IDisposable
{
    public static readonly int[] Speeds = [1, 5, 10, 30, 60];

    private static readonly int[] Steps = [-15, -1, 1, 15];

    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset? _at;
    private DateTimeOffset? _pending;
    private bool _loading;
    private bool _playing;
    private string? _problem;
    private ITimer? _timer;

    [Inject] private WallMoment Moment { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    /// <summary>Called with the picture of each moment shown, and with null when the wall goes back to live.</summary>
    [Parameter] public EventCallback<WallFeed?> OnChanged { get; set; }

    /// <summary>How many seconds of the past one second of playing shows.</summary>
    public int Speed { get; set; } = 10;

    public bool Reviewing => _at is not null;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        // A link to a moment (?at=2026-07-03T14:05:00+07:00, the + written %2B or left as a space) opens the wall there.
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        if (query.TryGetValue("at", out var at) && IsoTimestamp.TryParse(at.ToString().Replace(' ', '+'), out var moment)) await Go(moment);
    }

    /// <summary>Starts a review at <paramref name="at"/>, an hour ago unless given.</summary>
    public Task Open(DateTimeOffset? at = null) => Go(at ?? Time.GetUtcNow().AddHours(-1));

    /// <summary>The wall's clock while it shows the past: the moment, in the city's time.</summary>
    public static string Clock(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whoever reviews sees the past and cannot act on it: the panels get a person with the same name and no role,
    /// so acknowledge, resolve, publish and close-lot buttons stay away from alerts and lots as they were.
    /// </summary>
    public static ClaimsPrincipal Onlooker(ClaimsPrincipal user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Identity?.Name ?? "")], "review"));

    private static string Local(DateTimeOffset at) => CityTime.Local(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string StepLabel(int minutes) => $"{(minutes < 0 ? "−" : "+")}{Math.Abs(minutes)}′";

    private async Task Pick(ChangeEventArgs change)
    {
        if (!DateTime.TryParseExact(change.Value?.ToString(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            _problem = T["Review.BadMoment"];
            return;
        }

        await Go(new DateTimeOffset(local, CityTime.Zone.GetUtcOffset(local)));
    }

    private Task Step(int minutes) => _at is { } at ? Go(at.AddMinutes(minutes)) : Task.CompletedTask;

    private void TogglePlay()
    {
        _playing = !_playing;
        if (!_playing) return;
        _timer ??= Time.CreateTimer(_ => _ = InvokeAsync(Tick), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>One second of playing; a moment still being built makes the next tick wait rather than pile up.</summary>
    private async Task Tick()
    {
        if (!_playing || _loading || _at is not { } at) return;
        var next = at.AddSeconds(Speed);
        if (next >= Time.GetUtcNow()) await Live();
        else await Go(next);
    }

    /// <summary>Shows a moment; moments asked for while one is being built collapse into the newest.</summary>
    private async Task Go(DateTimeOffset at)
    {
        _problem = null;
        _at = Moment.Clamp(at);
        if (_loading)
        {
            _pending = _at;
            return;
        }

        _loading = true;
        try
        {
            var moment = _at.Value;
            while (true)
            {
                var snapshot = await Moment.At(moment, _stop.Token);
                // Back to live while this moment was being built: it is not shown.
                if (_at is null) return;
                await OnChanged.InvokeAsync(snapshot.ToFeed(Time));
                if (_pending is not { } next) break;
                _pending = null;
                moment = next;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _problem = $"{T["Review.Failed"]}: {ex.Message}";
        }
        finally
        {
            _loading = false;
            StateHasChanged();
        }
    }

    /// <summary>Back to the live wall in one click.</summary>
    public async Task Live()
    {
        _playing = false;
        _at = null;
        _pending = null;
        _problem = null;
        await OnChanged.InvokeAsync(null);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }
}
