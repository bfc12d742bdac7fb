using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.BrowserTests;

public sealed class Resources_page(DashboardUnderTest dashboard)
{
    [Fact]
    public async Task Lists_every_resource_with_its_state()
    {
        var page = await dashboard.OperatorPageAsync();
        await page.GotoAsync($"{dashboard.Url}/resources");

        foreach (var resource in FakeSources.Resources)
        {
            await Expect(page.GetByTestId($"resource-state-{resource.Name}")).ToHaveTextAsync(resource.State.ToString());
        }
        await Expect(page.GetByTestId("resources-table").Locator("tbody tr")).ToHaveCountAsync(FakeSources.Resources.Count);
        await DashboardUnderTest.ScreenshotAsync(page, "resources");
    }
}
