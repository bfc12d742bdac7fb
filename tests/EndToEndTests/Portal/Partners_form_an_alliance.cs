using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>Two partners form an alliance in the portal; one shares an opportunity and the other sees it in the shared pipeline.</summary>
[Collection(SeededSystemCollection.Name)]
public sealed partial class Partners_form_an_alliance(SeededSystem system) : IAsyncLifetime
{
    // The alliance covers only Iceland, where no demo deal is: other tests' suggestions see no allies.
    private const string Region = "IS";

    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync()
    {
        Console.WriteLine(system.ProblemsOf("portal"));
        return _chromium.DisposeAsync();
    }

    [Fact]
    public async Task Two_partners_form_an_alliance_in_the_portal_and_one_sees_the_other_s_shared_opportunity()
    {
        var demo = new DemoEcosystem();
        var (owner, ally) = (demo.Partners[^1], demo.Partners.Last(p => p.Id != demo.Partners[^1].Id && p.Name != demo.Partners[^1].Name));
        var name = $"Nordic alliance {Guid.NewGuid().ToString("N")[..6]}";
        var customer = $"Alliance Customer {Guid.NewGuid().ToString("N")[..8]}";
        var opportunity = await PostAsync(owner, ally, customer);

        await using var proposer = await PortalUser.PartnerAsync(_chromium, system.Gateway, owner.Id);
        var page = proposer.Page;
        await proposer.OpenAsync("alliances");
        await CheckAsync(proposer, "alliances");
        await page.GetByTestId("alliance-members").Locator("input").PressSequentiallyAsync(ally.Name, new() { Delay = 20 });
        await page.Locator("fluent-option").Filter(new() { HasText = ally.Name }).First.ClickAsync(new() { Timeout = 10_000 });
        await page.GetByTestId("alliance-regions").Locator("input").FillAsync(Region);
        // Proposed once the form has every field: a text typed before the Fluent input listened is typed again.
        await PortalUser.RepeatUntilAsync(async () =>
        {
            await page.GetByTestId("alliance-name").Locator("input").FillAsync(name);
            await page.GetByTestId("alliance-regions").Locator("input").FillAsync(Region);
            await page.GetByTestId("propose").ClickAsync();
        }, () => Expect(page.GetByTestId("alliance-title")).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        var alliance = Guid.Parse(AllianceAddress().Match(page.Url).Groups[1].Value);
        await Expect(page.Locator($"[data-testid=alliance-member][data-partner-id='{ally.Id}']")).ToContainTextAsync("Pending");

        await using (var invited = await PortalUser.PartnerAsync(_chromium, system.Gateway, ally.Id, width: 390))
        {
            await invited.OpenAsync("alliances");
            var mine = invited.Page.Locator($"[data-testid=alliance][data-alliance-id='{alliance}']");
            await mine.GetByTestId("accept-alliance").ClickAsync();
            await Expect(mine.GetByTestId("alliance-state")).ToContainTextAsync("In force");
            await CheckAsync(invited, "alliances-accepted");
        }

        await proposer.OpenAsync($"opportunities/{opportunity}");
        var sharing = page.Locator($"[data-testid=share-alliance][data-alliance-id='{alliance}']");
        await sharing.GetByTestId("share").ClickAsync();
        await Expect(sharing.GetByTestId("unshare")).ToBeVisibleAsync();

        foreach (var width in new[] { 1280, 390 })
        {
            await using var reader = await PortalUser.PartnerAsync(_chromium, system.Gateway, ally.Id, width);
            await reader.OpenAsync($"alliances/{alliance}");
            var shared = reader.Page.Locator($"[data-testid=shared-opportunity][data-opportunity-id='{opportunity}']");
            await Expect(shared).ToContainTextAsync($"shared by {owner.Name}");
            await Expect(shared).ToContainTextAsync("250,000.00 EUR");
            await Expect(shared).Not.ToContainTextAsync(customer);
            await Expect(shared.Locator($"[data-testid=difference][data-partner-id='{ally.Id}']")).ToBeVisibleAsync();
            await Expect(reader.Page.GetByTestId("results-shared")).ToHaveTextAsync("1");
            await CheckAsync(reader, "alliance");
        }
    }

    /// <summary>The owner's opportunity in the alliance's region, needing what the ally brings and the owner lacks (posting in the portal is the VAR's test).</summary>
    private async Task<Guid> PostAsync(DemoPartner owner, DemoPartner ally, string customer)
    {
        var owned = owner.Capabilities.Select(c => c.Code).ToList();
        var lacked = ally.Capabilities.Select(c => c.Code)
            .First(code => !owned.Any(own => code == own || code.StartsWith(own + ".", StringComparison.Ordinal) || own.StartsWith(code + ".", StringComparison.Ordinal)));
        using var client = system.Client().ActingFor(owner.Id, system.SigningKey);
        var posted = await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = customer }, industry = "energy-utilities", region = Region, size = "large",
            needs = new[] { new { capability = lacked, mustHave = true } }, estimatedValue = 250_000m, currency = "EUR",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    private static async Task CheckAsync(PortalUser user, string name)
    {
        await Expect(user.Page.Locator("[role=combobox]:not([aria-expanded])")).ToHaveCountAsync(0);
        await user.CheckAsync(name);
    }

    [GeneratedRegex(@"/alliances/([0-9a-f-]{36})")]
    private static partial Regex AllianceAddress();
}
