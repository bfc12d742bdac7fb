using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// The dashboard the app host starts, in headless Chromium, watching the seeded system as it works: every figure
/// comes from the real services' /metrics, the app host's resource service and the gateway.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Dashboard_in_browser(SeededSystem system) : IAsyncLifetime
{
    private static readonly string[] Resources = ["partners", "matching", "brokering", "settlement", "gateway", "dashboard"];
    private HeadlessChromium _chromium = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    [Fact]
    public async Task Lists_every_resource_the_app_host_runs_as_running()
    {
        var page = await OperatorPageAsync("resources");

        foreach (var resource in Resources)
        {
            await Expect(page.GetByTestId($"resource-state-{resource}")).ToHaveTextAsync("Running");
        }
        await HeadlessChromium.ScreenshotAsync(page, "system-resources");
    }

    [Fact]
    public async Task Restarts_a_service_from_the_resources_page()
    {
        var page = await OperatorPageAsync("resources");
        var before = await page.GetByTestId("resource-settlement").Locator("td").Nth(5).InnerTextAsync();

        await HeadlessChromium.InteractiveAsync(page);
        await page.GetByTestId("restart-settlement").ClickAsync();

        // A new process, counted as a restart, healthy again (the next test finds Settlement answering).
        await Expect(page.GetByTestId("resource-restarts-settlement")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("resource-state-settlement")).ToHaveTextAsync("Running");
        await Expect(page.GetByTestId("resource-settlement").Locator("td").Nth(5)).Not.ToHaveTextAsync(before);
        await HeadlessChromium.ScreenshotAsync(page, "system-resources-restarted");
    }

    [Fact]
    public async Task Shows_the_line_Brokering_logs_for_a_posted_opportunity_in_its_console()
    {
        var page = await OperatorPageAsync("console/brokering");

        var opportunity = await PostOpportunityAsync(vendor: null);

        await Expect(page.GetByTestId("console-line").Filter(new() { HasText = $"Opportunity {opportunity} posted" })).ToHaveCountAsync(1);
        await HeadlessChromium.ScreenshotAsync(page, "system-console");
    }

    [Fact]
    public async Task Moves_a_vendors_chart_when_an_opportunity_of_its_program_is_posted_and_shows_it_no_other_program()
    {
        // A program of its own, which the demo never posts to: its figures move only by this test.
        var vendor = $"e2e-{Guid.NewGuid():N}"[..16];
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync($"{system.Dashboard}login");
        await page.GetByTestId("login-token").FillAsync(DevelopmentTokens.Create(system.SigningKey, Roles.Vendor, vendorId: vendor));
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("vendor-scope")).ToContainTextAsync(vendor);

        await PostOpportunityAsync(vendor);
        await PostOpportunityAsync(vendor);

        // The next scrape moves the open page's chart, without a reload.
        await Expect(page.GetByTestId("opportunities-posted")).ToHaveAttributeAsync("data-latest", "2");
        await HeadlessChromium.ScreenshotAsync(page, "system-ecosystem-vendor");
        // The demo's programs have partners, opportunities and rewards, none of which this vendor may see.
        foreach (var other in new[] { "northwind-networks", "redleaf-linux", "contoso-cloud" })
        {
            await Expect(page.Locator("main")).Not.ToContainTextAsync(other);
        }
        await Expect(page.GetByTestId("partners-by-type")).Not.ToHaveAttributeAsync("data-latest", new System.Text.RegularExpressions.Regex("[1-9]"));
        await page.GotoAsync($"{system.Dashboard}resources");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Charts_the_seeded_ecosystem_for_the_operator()
    {
        var page = await OperatorPageAsync("ecosystem");

        // The demo's 40 partners, counted for the whole ecosystem once Partners' gauges are scraped.
        await Expect(page.GetByTestId("partners-by-type")).ToHaveAttributeAsync("data-latest", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.GetByTestId("opportunities-posted")).ToHaveAttributeAsync("data-latest", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.GetByTestId("relationship").First).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "system-ecosystem-operator");
        await page.GotoAsync($"{system.Dashboard}metrics");
        foreach (var service in Resources.Where(r => r != "dashboard"))
        {
            await Expect(page.GetByTestId($"metrics-{service}")).ToHaveAttributeAsync("data-up", "true");
        }
        await HeadlessChromium.ScreenshotAsync(page, "system-metrics");

        // The dashboard reads the gateway's figures on its management port; its public port does not serve them.
        using var anonymous = system.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics", Cancel)).StatusCode);
        using var signedIn = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("/metrics", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Shows_the_queues_of_the_systems_own_virtual_host_and_no_one_elses()
    {
        var page = await OperatorPageAsync("queues");

        // Settlement's consumer queue, read from the shared test broker's management API, where every other test's
        // copy of the system declares a queue of the same name in a virtual host of its own.
        var settlement = page.GetByTestId("queue-settlement-opportunity-won");
        await Expect(settlement).ToBeVisibleAsync();
        await Expect(settlement.Locator("td").Nth(1)).ToHaveTextAsync(system.VirtualHost);
        await Expect(settlement.Locator("td").Nth(4)).Not.ToHaveTextAsync("0"); // Settlement consumes it
        var hosts = await page.Locator("[data-testid=queues-table] tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.All(hosts, host => Assert.Equal(system.VirtualHost, host));
        await Expect(page.GetByTestId("queues-problem")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("queue-ready")).Not.ToHaveAttributeAsync("data-points", "0");
        await HeadlessChromium.ScreenshotAsync(page, "system-queues");
    }

    private async Task<IPage> OperatorPageAsync(string path)
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync($"{system.Dashboard}login?t={system.BrowserToken}");
        await page.GotoAsync($"{system.Dashboard}{path}");
        return page;
    }

    private async Task<Guid> PostOpportunityAsync(string? vendor)
    {
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);
        using var response = await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initech" }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "storage", mustHave = true } },
            estimatedValue = 120000, currency = "USD", vendorId = vendor,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }
}
