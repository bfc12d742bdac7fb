using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.BrowserTests;

public sealed class Console_page(DashboardUnderTest dashboard)
{
    [Fact]
    public async Task Shows_what_a_resource_writes_and_filters_it_by_search()
    {
        dashboard.Sources.Emit("brokering", "info: Now listening on: http://127.0.0.1:5101");
        dashboard.Sources.Emit("brokering", "fail: OpportunityPosted 42 could not be published", isError: true);
        var page = await dashboard.OperatorPageAsync();
        await page.GotoAsync($"{dashboard.Url}/console/brokering");
        var lines = page.GetByTestId("console-line");
        await Expect(lines.Filter(new() { HasText = "OpportunityPosted 42" })).ToHaveCountAsync(1);

        // A line written while the page is open arrives without a reload.
        dashboard.Sources.Emit("brokering", "info: OpportunityPosted 43 published");
        await Expect(lines.Filter(new() { HasText = "OpportunityPosted 43" })).ToHaveCountAsync(1);
        await DashboardUnderTest.ScreenshotAsync(page, "console");

        await page.GetByTestId("console-search").FillAsync("opportunityposted 42");
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines).ToContainTextAsync("could not be published");

        // The download holds every line the app host keeps, with its time and stream, whatever the filter shows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("console-download").ClickAsync());
        Assert.StartsWith("brokering-", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains(" ERR fail: OpportunityPosted 42 could not be published", text);
        Assert.Contains(" OUT info: OpportunityPosted 43 published", text);
    }
}
