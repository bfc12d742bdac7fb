using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.BrowserTests;

public sealed class Vendor_view(DashboardUnderTest dashboard)
{
    [Fact]
    public async Task Shows_a_vendor_its_own_program_and_nobody_elses()
    {
        var page = await dashboard.PageSignedInWithAsync(DashboardUnderTest.VendorToken("vendor-a"));
        await Expect(page).ToHaveURLAsync($"{dashboard.Url}/ecosystem");

        await Expect(page.GetByTestId("vendor-scope")).ToHaveTextAsync("Program of vendor-a");
        await Expect(page.GetByTestId("opportunities-posted")).ToHaveAttributeAsync("data-latest", dashboard.Sources.Posted("vendor-a").ToString());
        await Expect(page.GetByTestId("relationship")).ToHaveAttributeAsync("data-trend", "Rising");
        await Expect(page.GetByTestId("vendor-filter")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("vendor-b");
        await Expect(page.GetByTestId("nav-resources")).ToHaveCountAsync(0);
        await DashboardUnderTest.ScreenshotAsync(page, "ecosystem-vendor");

        foreach (var operatorPage in new[] { "resources", "console/brokering", "metrics", "queues" })
        {
            await page.GotoAsync($"{dashboard.Url}/{operatorPage}");
            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        }
        await DashboardUnderTest.ScreenshotAsync(page, "denied");
    }

    [Fact]
    public async Task Refuses_a_partner_token_at_sign_in()
    {
        var page = await dashboard.PageSignedInWithAsync(DevelopmentTokens.Create(DashboardUnderTest.SigningKey, Roles.Partner, Guid.NewGuid()));

        await Expect(page.GetByTestId("login-refusal")).ToContainTextAsync("partner");
        await page.GotoAsync($"{dashboard.Url}/ecosystem");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await DashboardUnderTest.ScreenshotAsync(page, "login");
    }
}
