using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.Matching;

namespace EcosystemMarket.ServiceTests;

public sealed class Suggested_opportunities(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> PostAsync(Guid owner, string customer)
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = customer, contact = "cio@customer.example" },
            industry = "retail", region = "DE", size = "medium",
            needs = new[] { new { capability = "security", mustHave = true } },
            estimatedValue = 50000, currency = "EUR",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task SuggestAsync(Guid owner, Guid opportunity, params Candidate[] candidates)
    {
        fixture.Matchmaker.NextCandidates.Enqueue(candidates);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(owner).GetAsync($"/api/opportunities/{opportunity}/suggestions", Cancel)).StatusCode);
    }

    private static Candidate CandidateOf(Guid partner, double score, string reason) =>
        new() { PartnerId = partner.ToString(), Name = "Candidate", Score = score, Reasons = { reason } };

    [Fact]
    public async Task A_suggested_partner_sees_the_opportunity_with_its_rank_and_reasons_but_not_the_customer_and_others_do_not_see_it()
    {
        var owner = Guid.NewGuid();
        var (first, second, bystander) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var opportunity = await PostAsync(owner, "Initech GmbH");
        await SuggestAsync(owner, opportunity, CandidateOf(first, 0.9, "covers security"), CandidateOf(second, 0.5, "in DE"));

        var seen = await fixture.Host.ClientFor(second).GetStringAsync("/api/opportunities/suggested", Cancel);
        Assert.DoesNotContain("Initech", seen);
        Assert.DoesNotContain("customer.example", seen);
        var item = Assert.Single(JsonDocument.Parse(seen).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(opportunity, item.GetProperty("opportunity").GetProperty("id").GetGuid());
        Assert.False(item.GetProperty("opportunity").GetProperty("customerVisible").GetBoolean());
        Assert.Equal(2, item.GetProperty("rank").GetInt32());
        Assert.Equal(0.5, item.GetProperty("score").GetDouble());
        Assert.Equal(["in DE"], item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.False(item.GetProperty("invited").GetBoolean());

        var others = await fixture.Host.ClientFor(bystander).GetFromJsonAsync<JsonElement>("/api/opportunities/suggested", Cancel);
        Assert.Empty(others.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Suggesting_again_updates_the_rank_newest_first_and_says_who_was_invited()
    {
        var owner = Guid.NewGuid();
        var partner = Guid.NewGuid();
        var older = await PostAsync(owner, "Older Ltd");
        await SuggestAsync(owner, older, CandidateOf(partner, 0.4, "first"));
        fixture.Clock.Offset += TimeSpan.FromMinutes(1);
        var newer = await PostAsync(owner, "Newer Ltd");
        await SuggestAsync(owner, newer, CandidateOf(Guid.NewGuid(), 0.8, "better"), CandidateOf(partner, 0.7, "second"));
        fixture.Clock.Offset += TimeSpan.FromMinutes(1);
        await SuggestAsync(owner, older, CandidateOf(partner, 0.6, "again"));
        var invited = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{newer}/invitations",
            new { partnerId = partner, role = "security", referralFeePercent = 5 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        var client = fixture.Host.ClientFor(partner);
        var firstPage = await client.GetFromJsonAsync<JsonElement>("/api/opportunities/suggested?limit=1", Cancel);
        var top = Assert.Single(firstPage.GetProperty("items").EnumerateArray());
        Assert.Equal(older, top.GetProperty("opportunity").GetProperty("id").GetGuid());
        Assert.Equal(1, top.GetProperty("rank").GetInt32());
        Assert.Equal(["again"], top.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.False(top.GetProperty("invited").GetBoolean());

        var cursor = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"/api/opportunities/suggested?limit=1&cursor={Uri.EscapeDataString(cursor!)}", Cancel);
        var next = Assert.Single(secondPage.GetProperty("items").EnumerateArray());
        Assert.Equal(newer, next.GetProperty("opportunity").GetProperty("id").GetGuid());
        Assert.Equal(2, next.GetProperty("rank").GetInt32());
        Assert.True(next.GetProperty("invited").GetBoolean());
    }
}
