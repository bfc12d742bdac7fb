using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.EndToEndTests;

/// <summary><c>--seed-demo</c> fills the running system through its gateway, and seeding again adds nothing.</summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Demo_seed(SeededSystem system)
{
    private static readonly DemoEcosystem Demo = new();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Reports_a_seed_without_failures()
    {
        var seeded = system.Output.Split('\n').Single(line => line.StartsWith("[demo] seeded", StringComparison.Ordinal));

        Assert.Contains($"{Demo.Partners.Count} partners created", seeded);
        Assert.DoesNotContain("failed", seeded);
    }

    [Fact]
    public async Task Registers_the_demo_partners()
    {
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);

        var names = await PartnerNamesAsync(client);

        Assert.Equal(Demo.Partners.Select(p => p.Name).Order(), names.Order());
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
    public async Task Books_rewards_for_the_won_deals()
    {
        var owner = Demo.Opportunities[0].OwnerId;
        using var client = system.Client().ActingFor(owner, system.SigningKey);

        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner}/ledger", Cancel);

        Assert.Contains(ledger.GetProperty("entries").EnumerateArray(), e => e.GetProperty("account").GetString()!.Contains("lead-registration-bonus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_again_adds_no_partner_and_no_opportunity()
    {
        using var http = system.Client();
        var seeder = new DemoSeeder(new EcosystemClient(http, new DemoTokens(system.SigningKey)), Demo,
            new ProgressBar(TextWriter.Null, Demo.StepCount), TextWriter.Null);

        var again = await seeder.SeedAsync(Cancel);

        Assert.Equal((0, Demo.Partners.Count), (again.Created("partners"), again.Existing("partners")));
        Assert.Equal((0, Demo.Opportunities.Count), (again.Created("opportunities"), again.Existing("opportunities")));
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);
        Assert.Equal(Demo.Partners.Count, (await PartnerNamesAsync(client)).Count);
    }

    private static async Task<List<string>> PartnerNamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/partners?limit=100", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
    }
}
