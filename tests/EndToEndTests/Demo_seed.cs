using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.AppHost.Seeding;
using Aspire.Hosting.ApplicationModel;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.EndToEndTests;

/// <summary><c>--seed-demo</c> fills the running system through its gateway, and seeding again (the gateway's command) adds nothing.</summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Demo_seed(SeededSystem system)
{
    private static readonly DemoEcosystem Demo = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Reports_a_seed_without_failures()
    {
        var seeded = SeededLines().First();

        Assert.Contains($"{Demo.Partners.Count} partners created", seeded);
        Assert.DoesNotContain("failed", seeded);
    }

    [Fact]
    public async Task Registers_the_demo_partners()
    {
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);

        var names = await PartnerNamesAsync(client);

        // Other tests of the seeded system register partners of their own beside the demo's.
        Assert.Superset(Demo.Partners.Select(p => p.Name).ToHashSet(), names.ToHashSet());
    }

    [Fact]
    public async Task Posts_every_demo_opportunity_for_its_owner()
    {
        foreach (var owner in Demo.Opportunities.GroupBy(o => o.OwnerId))
        {
            using var client = system.Client().ActingFor(owner.Key, system.SigningKey);
            var page = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?limit=100", Cancel);
            var customers = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("customer").GetProperty("name").GetString()).ToList();

            Assert.All(owner, story => Assert.Contains(story.CustomerName, customers));
        }
    }

    [Fact]
    public async Task Has_the_vendors_attest_the_claims_so_the_first_owners_bonus_carries_its_attested_tiers_multiplier()
    {
        var story = Demo.Opportunities[0];
        var owner = Demo.Partners.Single(p => p.Id == story.OwnerId);
        var vendor = DemoEcosystem.Vendors.Single(v => v.Id == story.VendorId);
        using var client = system.Client().ActingFor(owner.Id, system.SigningKey);

        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/partners/{owner.Id}", Cancel);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner.Id}/ledger", Cancel);

        var claims = profile.GetProperty("claims").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims.Where(c => c.GetProperty("kind").GetString() != "certification"), c => Assert.Equal("attested", c.GetProperty("state").GetString()));
        var multiplier = owner.ProgramMemberships.Contains(vendor.Id) ? DemoEcosystem.TierMultipliers[owner.Tier] : 1m;
        var bonus = ledger.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("account").GetString()!.Contains("lead-registration-bonus", StringComparison.Ordinal))
            .Max(e => e.GetProperty("amount").GetDecimal());
        Assert.Equal(vendor.LeadRegistrationBonus * multiplier, bonus);
        using var vendorClient = system.Client().AsVendor(vendor.Id, system.SigningKey);
        var attested = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/partners/vendors/{vendor.Id}/claims?state=attested", Cancel);
        Assert.NotEmpty(attested.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Books_rewards_for_the_won_deals()
    {
        var owner = Demo.Opportunities[0].OwnerId;
        using var client = system.Client().ActingFor(owner, system.SigningKey);

        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner}/ledger", Cancel);

        Assert.Contains(ledger.GetProperty("entries").EnumerateArray(), e => e.GetProperty("account").GetString()!.Contains("lead-registration-bonus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_again_with_the_gateway_s_command_adds_no_partner_and_no_opportunity()
    {
        var seeds = SeededLines().Count;
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);
        var before = await PartnerNamesAsync(client);

        var result = await system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("gateway", "seed-demo", Cancel);

        Assert.True(result.Success, result.Message);
        var again = await Eventually.HoldsAsync(() => Task.FromResult(SeededLines()), lines => lines.Count > seeds);
        Assert.Contains($"0 partners created ({Demo.Partners.Count} already there)", again[^1]);
        Assert.Contains($"0 opportunities created ({Demo.Opportunities.Count} already there)", again[^1]);
        Assert.Equal(before.Count, (await PartnerNamesAsync(client)).Count);
    }

    private List<string> SeededLines() =>
        system.Output.Split('\n').Where(line => line.Contains("[demo] seeded", StringComparison.Ordinal)).ToList();

    private static async Task<List<string>> PartnerNamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/partners?limit=100", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
    }
}
