using System.Collections.Concurrent;
using ControlCenter.Host.Api;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Api;

/// <summary>The interactive API reference in a real browser: it loads the generated contract from this host alone.</summary>
public class ApiReferenceBrowserTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    [Test]
    public async Task AnIntegrator_ReadsTheOperations_WithoutTheInternet()
    {
        await using var browser = await Browser.Launch();
        var page = await browser.SignedIn(Host.ServerAddress, "operator");
        var elsewhere = new ConcurrentBag<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Host.ServerAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                elsewhere.Add(request.Url);
        };

        await page.GotoAsync(ApiDocumentation.ReferencePath);

        // The title and the tags come from /openapi/v1.json: the page has read the contract.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ControlCenter — Hà Nội" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("E-government").First).ToBeAttachedAsync();
        Assert.That(elsewhere, Is.Empty, "requests that left the host");
    }
}
