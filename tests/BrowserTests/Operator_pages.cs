using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.BrowserTests;

public sealed class Operator_pages(DashboardUnderTest dashboard)
{
    [Fact]
    public async Task Show_each_service_traffic_and_which_services_are_down()
    {
        var page = await dashboard.OperatorPageAsync();
        await page.GotoAsync($"{dashboard.Url}/metrics");

        await Expect(page.GetByTestId("metrics-brokering")).ToHaveAttributeAsync("data-up", "true");
        await Expect(page.GetByTestId("metrics-partners")).ToHaveAttributeAsync("data-up", "false");
        // Ten requests a second, one in ten failing (the fake's pace at a one-second scrape).
        await Expect(page.GetByTestId("errors-brokering")).ToHaveAttributeAsync("data-latest", "0.1");
        await Expect(page.GetByTestId("latency-brokering")).Not.ToHaveAttributeAsync("data-points", "0");
        await DashboardUnderTest.ScreenshotAsync(page, "metrics");
    }

    [Fact]
    public async Task Show_the_queues_with_error_queues_highlighted()
    {
        var page = await dashboard.OperatorPageAsync();
        await page.GotoAsync($"{dashboard.Url}/queues");

        await Expect(page.GetByTestId($"queue-{FakeSources.ErrorQueue}")).ToHaveClassAsync("error-queue");
        await Expect(page.GetByTestId("queue-brokering-opportunity-posted")).Not.ToHaveClassAsync("error-queue");
        await Expect(page.GetByTestId("queue-ready")).Not.ToHaveAttributeAsync("data-points", "0");
        await DashboardUnderTest.ScreenshotAsync(page, "queues");
    }
}
