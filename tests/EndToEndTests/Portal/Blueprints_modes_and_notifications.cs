using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>
/// What the demo seeding leaves for a vendor and a partner to read beyond deals: a vendor's blueprints with their
/// adopters and its management of partner categories with its SLA; a partner's notifications and webhook settings; the
/// audit log of each. Each page at 1,280 and 390 px.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Blueprints_modes_and_notifications(SeededSystem system) : IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync()
    {
        Console.WriteLine(system.ProblemsOf("portal"));
        return _chromium.DisposeAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_vendor_reads_its_blueprints_adoption_and_how_it_manages_each_category(int width)
    {
        var (vendorId, category, _) = DemoEcosystem.ServiceLevel;
        var blueprint = DemoEcosystem.Blueprints.Single(b => b.VendorId == vendorId);
        await using var vendor = await PortalUser.VendorAsync(_chromium, system.Gateway, vendorId, width);

        await vendor.OpenAsync("program/blueprints");
        var row = vendor.Page.GetByTestId("blueprint-row").Filter(new() { HasText = blueprint.Name });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.True(int.Parse((await row.GetByTestId("adopters").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0,
            "The demo's program members adopt their vendor's blueprint.");
        await vendor.CheckAsync("blueprints");

        await vendor.OpenAsync("program/management");
        await Expect(vendor.Page.GetByTestId($"mode-{category}")).ToContainTextAsync("SLA", new() { Timeout = 30_000 });
        await Expect(vendor.Page.GetByTestId("sla-summary")).ToContainTextAsync("under the SLA");
        await vendor.CheckAsync("management");

        // The demo seeding posted deals in the program through the API: they are in the program's audit log, with who made them.
        await vendor.OpenAsync("audit");
        await Expect(vendor.Page.Locator("[data-testid=audit-entry][data-action^='opportunity.'], [data-testid=audit-entry][data-action^='invitation.']").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNamedAsync(vendor);
        await vendor.CheckAsync("audit");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_partner_reads_what_it_was_told_and_its_webhook_settings(int width)
    {
        var partner = await NotifiedDemoPartnerAsync();
        await using var user = await PortalUser.PartnerAsync(_chromium, system.Gateway, partner, width);

        await user.OpenAsync("notifications");
        await Expect(user.Page.GetByTestId("notification").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await user.CheckAsync("notifications");

        await user.OpenAsync("webhooks");
        await Expect(user.Page.GetByTestId("add-endpoint")).ToBeVisibleAsync();
        await user.CheckAsync("webhooks");

        // What was done to it and by it, from every service, in one list.
        await user.OpenAsync("audit");
        await Expect(user.Page.GetByTestId("audit-entry").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNamedAsync(user);
        await user.CheckAsync("audit");
    }

    /// <summary>Each entry says for whom the change was made in words (an organisation's name, a program), never a bare id.</summary>
    private static async Task AssertNamedAsync(PortalUser user)
    {
        var actingFor = await user.Page.GetByTestId("entry-acting-for").AllTextContentsAsync();
        Assert.NotEmpty(actingFor);
        Assert.All(actingFor, text => Assert.False(Guid.TryParse(text.Trim(), out _) || string.IsNullOrWhiteSpace(text), $"'{text}' names no one."));
    }

    /// <summary>A demo partner the seeding's events told something (invited, joined a team, won…).</summary>
    private async Task<Guid> NotifiedDemoPartnerAsync()
    {
        foreach (var partner in new DemoEcosystem().Partners)
        {
            using var client = system.Client().ActingFor(partner.Id, system.SigningKey);
            var answer = await client.GetFromJsonAsync<JsonElement>("api/notifications?limit=1", TestContext.Current.CancellationToken);
            if (answer.GetProperty("items").GetArrayLength() > 0)
            {
                return partner.Id;
            }
        }
        Assert.Fail("The demo seeding invites partners, so some demo partner was told of it.");
        return default;
    }
}
