using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// A vendor of the seeded demo signs in to the portal through the gateway, as it would from a browser, and sees its
/// own program's figures, computed from the services' records, and nothing of another program.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Vendor_ecosystem_view(SeededSystem system) : IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Shows_a_vendor_its_own_program_and_no_other(int width)
    {
        var (vendor, other) = (DemoEcosystem.Vendors[0], DemoEcosystem.Vendors[2]);
        var page = await _chromium.NewPageAsync(width);

        await page.GotoAsync(new Uri(system.Gateway, "signin?returnUrl=/ecosystem").ToString());
        await HeadlessChromium.ScreenshotAsync(page, $"portal-signin-{width}");
        // The token form sits under a disclosure beside the development sign-in.
        await page.GetByText("Sign in with a token").ClickAsync();
        await page.GetByTestId("signin-token").FillAsync(DevelopmentTokens.Create(system.SigningKey, Roles.Vendor, vendorId: vendor.Id));
        await page.GetByTestId("signin-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(system.Gateway, "ecosystem").ToString());
        await Expect(page.GetByTestId("program-title")).ToContainTextAsync(vendor.Id);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(other.Id);
        await Expect(page.GetByTestId("chart-partners-by-type-chart").Locator("svg.main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("choose-vendor")).ToHaveCountAsync(0);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "The page scrolls sideways.");
        await HeadlessChromium.ScreenshotAsync(page, $"portal-ecosystem-{width}");
    }
}
