using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>The development sign-in: who a person can be locally, and what each sees first.</summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Signing_in(SeededSystem system) : IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    [Fact]
    public async Task Offers_the_demo_partners_and_vendors_and_signs_in_a_partner_of_the_directory()
    {
        var partner = new DemoEcosystem().Partners[0];
        var page = await _chromium.NewPageAsync(1280);
        await page.GotoAsync(new Uri(system.Gateway, "signin").ToString());
        await Expect(page.GetByTestId("dev-partner").Locator($"option[value='{partner.Id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#dev-vendors option[value='{DemoEcosystem.Vendors[0].Id}']")).ToHaveCountAsync(1);
        await HeadlessChromium.ScreenshotAsync(page, "portal-signin-1280");

        await using var user = await PortalUser.PartnerAsync(_chromium, system.Gateway, partner.Id);
        await Expect(user.Page.GetByTestId("nav-profile")).ToBeVisibleAsync();
        await Expect(user.Page.GetByTestId("nav-program")).ToHaveCountAsync(0);
        await user.CheckAsync("home");
    }
}
