using System.Globalization;
using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// One alert, as others change it too (it re-renders with every feed delivery): evidence by place, label and unit,
/// grouped alerts, procedure, notes; acknowledge and resolve for responders and above only; the public warning for operators.
/// </summary>
public sealed partial class AlertPanel
{
    /// <summary>A storm's "Ngập úng" cites every gauge and street of its district; more would push the procedure off screen.</summary>
    private const int MaxEvidence = 30;

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;
    [Parameter, EditorRequired] public string AlertId { get; set; } = null!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = null!;
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback<string> OnSelect { get; set; }

    [Inject] private WallActions Actions { get; set; } = null!;
    [Inject] private CityCatalog Catalog { get; set; } = null!;

    private string? _note;
    private string? _resolution;
    private string? _message;

    private bool CanAct => WallActions.CanAct(User);

    private static string Local(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm:ss dd/MM", CultureInfo.CurrentCulture);

    /// <summary>The evidence with each place's rows together; the place is written on its first row only.</summary>
    private static IEnumerable<(AlertEvidence Evidence, bool First)> EvidenceRows(Alert alert)
    {
        var places = alert.Evidence.Select(e => e.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var rows = alert.Evidence.OrderBy(e => places.IndexOf(e.EntityId)).Take(MaxEvidence);
        string? previous = null;
        foreach (var evidence in rows)
        {
            yield return (evidence, evidence.EntityId != previous);
            previous = evidence.EntityId;
        }
    }

    /// <summary>A grouped alert by its title and place ("Ngập sâu · Cảm biến ngập Phan Bội Châu"), its id when not known here.</summary>
    private string ChildTitle(string id)
    {
        if (Feed.FindAlert(id) is not { } child) return id;
        var title = English ? child.TitleEn : child.Title;
        return EvidenceText.Place(child.Scope, Catalog, English) is { } place && child.Scope != child.ZoneId ? $"{title} · {place}" : title;
    }

    protected override void OnParametersSet() => _message = null;

    private async Task Acknowledge(string id) => Show(await Actions.Acknowledge(User, id, _note));

    private async Task Note(string id)
    {
        if (Show(await Actions.AddNote(User, id, _note))) _note = null;
    }

    private async Task Resolve(string id)
    {
        if (string.IsNullOrWhiteSpace(_resolution))
        {
            _message = T["NeedNote"];
            return;
        }

        if (Show(await Actions.Resolve(User, id, _resolution))) _resolution = null;
    }

    private async Task Tick(string id, int step, bool done) => Show(await Actions.TickSop(User, id, step, done));

    private bool Show(AlertActionResult result)
    {
        _message = result.Refusal switch
        {
            AlertRefusal.None => null,
            AlertRefusal.Conflict => $"{T["ConflictAck"]}: {result.Detail}",
            _ => result.Detail,
        };
        return result.Refusal == AlertRefusal.None;
    }
}
