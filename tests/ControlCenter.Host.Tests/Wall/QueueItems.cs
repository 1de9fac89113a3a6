using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// Opens an alert from the wall's queue. The queue folds an alert under the one that leads its incident (a flooded
/// street under the car park it closes), and who leads can change as the rules raise more: so it unfolds the
/// incident naming the alert's rule and scope whenever that alert is not on screen, until its panel is open.
/// </summary>
public static class QueueItems
{
    public static async Task<string> Open(IPage page, string rule, string scope)
    {
        var item = page.Locator($"#alert-queue .cc-alert[data-rule='{rule}'][data-scope='{scope}']");
        var fold = page.Locator($"#alert-queue .cc-incident[data-keys~='{rule}/{scope}'] .cc-fold[aria-expanded='false']");
        var quick = new LocatorClickOptions { Timeout = 2_000 };
        string? opened = null;
        await Eventually.Until(async () =>
        {
            try
            {
                if (await fold.CountAsync() > 0) await fold.First.ClickAsync(quick);
                if (await item.CountAsync() == 0) return false;
                var id = await item.First.GetAttributeAsync("data-alert-id", new() { Timeout = 2_000 });
                await item.First.ClickAsync(quick);
                opened = await page.Locator("#alert-panel").GetAttributeAsync("data-alert-id", new() { Timeout = 2_000 });
                return opened is not null && opened == id;
            }
            catch (PlaywrightException)
            {
                // The queue changed under the click (a new lead folded the alert): look again.
                return false;
            }
        }, shown => shown, $"the {rule} alert of {scope} opened from the queue", TimeSpan.FromSeconds(30));
        return opened!;
    }
}
