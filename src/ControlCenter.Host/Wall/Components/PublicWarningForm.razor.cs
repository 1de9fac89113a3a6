using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Alerts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Components;

/// <summary>Publishes, updates and withdraws an alert's public warning from the alert panel, through <see cref="WallActions"/>.</summary>
public sealed partial class PublicWarningForm
{
    private string? _alertId;
    private string? _title;
    private string? _titleEn;
    private string? _text;
    private string? _textEn;
    private string? _message;

    [Parameter, EditorRequired] public Alert Alert { get; set; } = null!;

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = null!;

    [Inject] private WallActions Actions { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private bool CanPublish => WallActions.CanPublish(User);

    /// <summary>The words are the operator's while they type: they are filled in only when another alert is opened.</summary>
    protected override void OnParametersSet()
    {
        if (_alertId == Alert.Id) return;
        _alertId = Alert.Id;
        var current = Alert.PublicWarning is { Withdrawn: false } w ? w : null;
        (_title, _titleEn) = (current?.Title ?? Alert.Title, current?.TitleEn ?? Alert.TitleEn);
        (_text, _textEn) = (current?.Text, current?.TextEn);
        _message = null;
    }

    private async Task Publish()
    {
        var result = await Actions.PublishWarning(User, Alert, new(_title, _titleEn, _text, _textEn, AreaInForce()));
        Show(result);
    }

    private async Task Withdraw() => Show(await Actions.WithdrawWarning(User, Alert.Id));

    /// <summary>An edit keeps the area in force (it may have been set over the API); a first publication (null) takes the alert's zone.</summary>
    private PublicWarningDrafts.AreaRequest? AreaInForce() =>
        Alert.PublicWarning is { Withdrawn: false, Area: var a }
            ? new PublicWarningDrafts.AreaRequest(a.ZoneId, a.Lat, a.Lon, a.RadiusKm, a.Description, a.DescriptionEn)
            : null;

    private void Show(AlertActionResult result) => _message = result.Refusal == AlertRefusal.None ? null : result.Detail;
}
