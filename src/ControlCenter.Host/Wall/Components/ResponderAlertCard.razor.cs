using System.Globalization;
using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall.Responder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// One alert card on the phone. It shows the alert as the feed last delivered it (changes by others appear as
/// they happen); acting goes through <see cref="WallActions"/> like the wall's alert panel.
/// </summary>
public sealed partial class ResponderAlertCard
{
    /// <summary>Enough of the timeline for a phone; the wall and the handover show all of it.</summary>
    private const int TimelineShown = 12;

    private string? _note;
    private string? _resolution;
    private string? _message;
    private bool _busy;

    [Parameter, EditorRequired] public Alert Alert { get; set; } = null!;

    [Parameter] public double? DistanceKm { get; set; }

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = null!;

    [Parameter] public bool Expanded { get; set; }

    [Parameter] public EventCallback OnToggle { get; set; }

    [Inject] private WallActions Actions { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private bool CanAct => WallActions.CanAct(User) && Alert.IsActive;

    private string Place => ResponderOrder.PlaceName(Alert, Catalog, WallCulture.English);

    private string Age => ShortAge(Time.GetUtcNow() - Alert.RaisedAt);

    /// <summary>Newest first; the repeats of a long-running condition would push everything people did off the screen.</summary>
    private IEnumerable<TimelineEntry> RecentEntries => Alert.Timeline.Where(e => e.Action != "repeated").Reverse().Take(TimelineShown);

    private static string Local(DateTimeOffset? at) => at is { } t ? CityTime.Local(t).ToString("HH:mm dd/MM", CultureInfo.CurrentCulture) : "";

    private static string Distance(double km) =>
        km < 1 ? $"{Math.Round(km * 1000 / 10) * 10:0} m" : $"{km.ToString(km < 10 ? "0.0" : "0", CultureInfo.CurrentCulture)} km";

    private string ShortAge(TimeSpan age) =>
        age.TotalMinutes < 1 ? T["JustNow"]
        : age.TotalHours < 1 ? string.Format(CultureInfo.CurrentCulture, T["MinutesAgo"], (int)age.TotalMinutes)
        : age.TotalDays < 1 ? string.Format(CultureInfo.CurrentCulture, T["HoursAgo"], (int)age.TotalHours)
        : string.Format(CultureInfo.CurrentCulture, T["DaysAgo"], (int)age.TotalDays);

    private string ActionName(string action) => T["Action." + action] is { ResourceNotFound: false } known ? known.Value : action;

    private async Task Acknowledge() => await Run(() => Actions.Acknowledge(User, Alert.Id, null));

    private async Task Note()
    {
        if (await Run(() => Actions.AddNote(User, Alert.Id, _note))) _note = null;
    }

    private async Task Resolve()
    {
        if (string.IsNullOrWhiteSpace(_resolution))
        {
            _message = T["NeedNote"];
            return;
        }

        if (await Run(() => Actions.Resolve(User, Alert.Id, _resolution))) _resolution = null;
    }

    private async Task Tick(int step, bool done) => await Run(() => Actions.TickSop(User, Alert.Id, step, done));

    /// <summary>One action at a time (a double tap on a phone must not send two), with the refusal in words.</summary>
    private async Task<bool> Run(Func<Task<AlertActionResult>> action)
    {
        if (_busy) return false;
        _busy = true;
        try
        {
            var result = await action();
            _message = result.Refusal switch
            {
                AlertRefusal.None => null,
                AlertRefusal.Conflict => $"{T["ConflictAck"]}: {result.Detail}",
                AlertRefusal.Invalid when result.Detail == "text" => T["NeedNote"],
                _ => result.Detail,
            };
            return result.Refusal == AlertRefusal.None;
        }
        finally
        {
            _busy = false;
        }
    }
}
