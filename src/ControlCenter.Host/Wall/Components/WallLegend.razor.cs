using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>The map's legend, in the wall's language, from <see cref="MapLegend"/> (the markers' own colour scales).</summary>
public sealed partial class WallLegend
{
    private bool _open = true;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private void Toggle() => _open = !_open;

    private string Words(LegendSwatch swatch) => swatch.Key is { } key ? T[key] : (English ? swatch.En : swatch.Vi) ?? "";

    /// <summary>A figure of the kind the domain's markers carry, so the symbol reads as on the map.</summary>
    private static string Sample(string layer) => layer switch
    {
        "parking" => "12", "traffic" => "A", "air" => "42", "water" => "6,4", "rain" => "3", "flood" => "0", "tourism" => "950", _ => "",
    };
}
