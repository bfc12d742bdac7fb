using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// The real Aspire dashboard that <c>./run.sh start --seed-demo</c> opens, in headless Chromium, watching the seeded
/// system: its resources, a service's structured logs, a trace across the services and the broker, the ecosystem
/// metrics. Each test keeps a screenshot (bin/…/screenshots/aspire-*.png).
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Aspire_dashboard(SeededSystem system) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    [Fact]
    public async Task Lists_the_broker_every_service_and_the_gateway_running_and_healthy()
    {
        var page = await SignedInAsync("/");

        foreach (var resource in RunningSystem.Services.Prepend("rabbitmq"))
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });
            await Expect(row).ToContainTextAsync("Running");
            await Expect(row).Not.ToContainTextAsync("Unhealthy");
        }
        await HeadlessChromium.ScreenshotAsync(page, "aspire-resources");
    }

    [Fact]
    public async Task Finds_the_line_Brokering_logged_for_a_posted_opportunity_in_its_structured_logs()
    {
        var (owner, _) = await TwoPartnersAsync();
        var opportunity = await PostOpportunityAsync(owner);
        var page = await SignedInAsync("/structuredlogs/resource/brokering");

        // The filter is a Fluent UI web component: typed into as a person would.
        await page.Locator("fluent-text-input[name=structured-logs-search]").ClickAsync();
        await page.Keyboard.TypeAsync(opportunity.ToString());

        await Expect(page.GetByText($"Opportunity {opportunity} posted", new() { Exact = false }).First).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "aspire-structured-logs");
    }

    [Fact]
    public async Task Shows_one_trace_of_a_won_opportunity_through_the_gateway_Brokering_the_broker_Matching_and_Settlement()
    {
        var (owner, specialist) = await TwoPartnersAsync();
        var opportunity = await PostOpportunityAsync(owner);
        using var ownerClient = system.Client().ActingFor(owner, system.SigningKey);
        using var specialistClient = system.Client().ActingFor(specialist, system.SigningKey);
        var invitation = (await ReadAsync(await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = specialist, role = "storage specialist", referralFeePercent = 10 }, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await specialistClient.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel), HttpStatusCode.OK);

        // The win starts a trace of the test's own: the gateway continues it, the outbox carries it onto the broker.
        var trace = ActivityTraceId.CreateRandom();
        using var win = new HttpRequestMessage(HttpMethod.Post, $"/api/opportunities/{opportunity}/win") { Content = JsonContent.Create(new { finalValue = 90000 }) };
        win.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await ReadAsync(await ownerClient.SendAsync(win, Cancel), HttpStatusCode.OK);

        string[] expected = ["gateway", "brokering", "matching", "settlement"];
        var services = await Eventually.HoldsAsync(() => TraceServicesAsync(trace.ToString()), s => expected.All(s.Contains), TimeSpan.FromSeconds(60));
        Assert.Superset(expected.ToHashSet(), services.ToHashSet());

        var page = await SignedInAsync($"/traces/detail/{trace}");
        foreach (var service in expected)
        {
            await Expect(page.GetByText(service, new() { Exact = true }).First).ToBeVisibleAsync();
        }
        await Expect(page.GetByText("OpportunityWon").First).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "aspire-trace");
    }

    [Fact]
    public async Task Charts_the_opportunities_posted_per_vendor_program()
    {
        var page = await SignedInAsync("/metrics/resource/brokering?meter=EcosystemMarket.Brokering&instrument=ecosystem.opportunities.posted&duration=15");

        await Expect(page.GetByText("ecosystem.opportunities.posted").First).ToBeVisibleAsync();
        await Expect(page.GetByText("vendor", new() { Exact = true }).First).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "aspire-metrics");
    }

    private async Task<IPage> SignedInAsync(string path)
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(new Uri(system.Dashboard, $"login?t={system.BrowserToken}").ToString());
        await page.GotoAsync(new Uri(system.Dashboard, path.TrimStart('/')).ToString());
        return page;
    }

    /// <summary>The names of the services with spans in the trace, from the dashboard's telemetry API.</summary>
    private async Task<IReadOnlyList<string>> TraceServicesAsync(string traceId)
    {
        using var http = new HttpClient { BaseAddress = system.Dashboard };
        http.DefaultRequestHeaders.Add("x-api-key", system.TelemetryApiKey);
        using var response = await http.GetAsync($"api/telemetry/traces/{traceId}", Cancel);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(spans => spans.GetProperty("resource").GetProperty("attributes").EnumerateArray())
            .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
            .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString()!)
            .Distinct().ToList();
    }

    /// <summary>A VAR that brings software and a storage specialist, registered for this test.</summary>
    private async Task<(Guid Owner, Guid Specialist)> TwoPartnersAsync()
    {
        var (owner, specialist) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (partner, name, category, capability) in new[] { (owner, "Trace VAR", "solution-reseller", "software"), (specialist, "Trace Storage", "isv", "storage") })
        {
            using var client = system.Client().ActingFor(partner, system.SigningKey);
            await ReadAsync(await client.PostAsJsonAsync("/api/partners", new
            {
                name = $"{name} {partner:N}"[..24], partnerFunction = category == "isv" ? "solution" : "sales", category, tier = "advanced", regions = new[] { "US" },
                capabilities = new[] { new { code = capability, proficiency = "expert" } },
            }, Cancel), HttpStatusCode.Created);
        }
        return (owner, specialist);
    }

    private async Task<Guid> PostOpportunityAsync(Guid owner)
    {
        using var client = system.Client().ActingFor(owner, system.SigningKey);
        var posted = await ReadAsync(await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Tracing Corp" }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "storage", mustHave = true } }, estimatedValue = 100000, currency = "USD",
        }, Cancel), HttpStatusCode.Created);
        return posted.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {response.StatusCode}: {body}\n{RunningSystem.Tail(system.Output)}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
