using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.BrowserTests;

public sealed class Ecosystem_page(DashboardUnderTest dashboard)
{
    [Fact]
    public async Task Charts_opportunities_as_they_are_posted()
    {
        var page = await dashboard.OperatorPageAsync();
        await page.GotoAsync($"{dashboard.Url}/ecosystem");
        var posted = page.GetByTestId("opportunities-posted");
        await Expect(posted).ToHaveAttributeAsync("data-latest", Total());

        dashboard.Sources.PostOpportunities("vendor-c", 5);

        // The next scrape moves the chart of the open page: no reload.
        await Expect(posted).ToHaveAttributeAsync("data-latest", Total());
        await Expect(page.GetByTestId("partners-by-type")).ToContainTextAsync("isv");
        // The operator sees every pair at once, or one partner's.
        await Expect(page.GetByTestId("relationship")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("relationship")).ToContainTextAsync("Stora Systems");
        await Expect(page.GetByTestId("relationships-count")).ToHaveTextAsync($"The 1 most active of {FakeSources.FakePairCount} pairs.");
        var partner = Guid.NewGuid().ToString();
        await HeadlessChromium.InteractiveAsync(page);
        await page.GetByTestId("relationships-partner").FillAsync(partner);
        await page.GetByTestId("relationships-show").ClickAsync();
        await Expect(page.GetByTestId("relationship")).ToContainTextAsync(partner);
        await DashboardUnderTest.ScreenshotAsync(page, "ecosystem-operator");
    }

    private string Total() => dashboard.Sources.PostedInTotal.ToString(CultureInfo.InvariantCulture);
}
