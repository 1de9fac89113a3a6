using System.Text.Encodings.Web;
using System.Text.Unicode;
using ControlCenter.Host.Wall;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.People;

/// <summary>
/// The 429 a person sees when the wall's sign-in form is past its address's limit: a small page in the wall's
/// language (the request's culture, set by the localization middleware before the rate limiter) saying how long to
/// wait, with a link back to the form. The rate limiter answers before any Razor component runs, so this is plain HTML.
/// </summary>
internal static class ThrottledPage
{
    // Vietnamese stays readable text in the page; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task Write(HttpContext http, int retryAfterSeconds)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<WallText>>();
        var html = Html;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{html.Encode(language)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text["AppTitle"])}</title></head>
            <body style="font-family: system-ui, sans-serif; background: #10151c; color: #e8edf2; padding: 2rem">
            <h1 style="font-size: 1.3rem">{html.Encode(text["AppTitle"])}</h1>
            <p id="login-throttled">{html.Encode(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["LoginThrottled"], retryAfterSeconds))}</p>
            <p><a id="login-again" style="color: #8ab4f8" href="{LoginRateLimit.WallFormPath}">{html.Encode(text["Login"])}</a></p>
            </body>
            </html>
            """);
    }
}
