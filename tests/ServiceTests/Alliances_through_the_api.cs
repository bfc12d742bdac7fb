using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.ServiceTests;

/// <summary>Alliances through Brokering's HTTP API: formed by their members, sharing pipeline that nobody else sees.</summary>
public sealed class Alliances_through_the_api(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Posting(string region) => new
    {
        customer = new { name = "Initech GmbH", contact = "it@initech.example" },
        industry = "manufacturing", region, size = "large",
        needs = new[] { new { capability = "networking.sd-wan", mustHave = true }, new { capability = "storage", mustHave = false } },
        estimatedValue = 250000m, currency = "EUR", closeDate = "2027-06-30",
    };

    private (Guid Owner, Guid Ally, Guid Stranger) Partners()
    {
        var (owner, ally, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        fixture.Directory.Profiles[owner] = new DirectoryProfile(owner, "Owner Networks", true, ["networking.sd-wan"]);
        fixture.Directory.Profiles[ally] = new DirectoryProfile(ally, "Ally Storage", true, ["storage.backup"]);
        return (owner, ally, stranger);
    }

    private async Task<Guid> PostAsync(Guid owner, string region = "DE")
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting(region), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> FormAsync(Guid owner, Guid ally, string level = "opportunities")
    {
        var proposed = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/alliances", new
        {
            name = "DACH networks and storage", members = new[] { ally }, sharingLevel = level,
            scope = new { capabilities = new[] { "networking" }, regions = new[] { "DE", "AT" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(ally).PostAsync($"/api/alliances/{id}/accept", null, Cancel)).StatusCode);
        return id;
    }

    [Fact]
    public async Task Two_partners_form_an_alliance_and_share_pipeline_a_third_partner_cannot_see()
    {
        var (owner, ally, stranger) = Partners();
        var (ownerClient, allyClient, strangerClient) = (fixture.Host.ClientFor(owner), fixture.Host.ClientFor(ally), fixture.Host.ClientFor(stranger));
        var opportunity = await PostAsync(owner);
        Guid alliance = default;

        var proposedEvent = await fixture.ReceiveEventAsync("AllianceProposed", m => m.GetProperty("proposedBy").GetGuid() == owner, async () =>
        {
            var proposed = await ownerClient.PostAsJsonAsync("/api/alliances", new
            {
                name = "DACH networks and storage", members = new[] { ally }, sharingLevel = "opportunities",
                scope = new { capabilities = new[] { "networking" }, regions = new[] { "DE", "AT" } },
            }, Cancel);
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
            alliance = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        });
        Assert.Equal(2, proposedEvent.GetProperty("members").GetArrayLength());
        // Nothing is shared before every member accepted.
        await (await ownerClient.PostAsJsonAsync($"/api/alliances/{alliance}/shared-opportunities", new { opportunityId = opportunity }, Cancel))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var formed = await fixture.ReceiveEventAsync("AllianceFormed", m => m.GetProperty("allianceId").GetGuid() == alliance,
            async () => Assert.Equal(HttpStatusCode.OK, (await allyClient.PostAsync($"/api/alliances/{alliance}/accept", null, Cancel)).StatusCode));
        Assert.Equal("DACH networks and storage", formed.GetProperty("name").GetString());

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var shared = await ownerClient.PostAsJsonAsync($"/api/alliances/{alliance}/shared-opportunities", new { opportunityId = opportunity }, Cancel);
            Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        }
        var outOfScope = await ownerClient.PostAsJsonAsync($"/api/alliances/{alliance}/shared-opportunities", new { opportunityId = await PostAsync(owner, "US") }, Cancel);
        var problem = await outOfScope.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("region US", problem.GetProperty("detail").GetString());

        var pipeline = await allyClient.GetFromJsonAsync<JsonElement>($"/api/alliances/{alliance}/pipeline", Cancel);
        var entry = Assert.Single(pipeline.GetProperty("items").EnumerateArray());
        Assert.Equal(opportunity, entry.GetProperty("opportunityId").GetGuid());
        Assert.Equal("Owner Networks", entry.GetProperty("ownerName").GetString());
        Assert.Equal(250000m, entry.GetProperty("estimatedValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("customer").ValueKind);
        Assert.DoesNotContain("Initech", entry.GetRawText());
        var difference = Assert.Single(entry.GetProperty("differences").EnumerateArray());
        Assert.Equal((ally, "storage"), (difference.GetProperty("partnerId").GetGuid(), difference.GetProperty("covers")[0].GetString()));

        foreach (var path in new[] { $"/api/alliances/{alliance}", $"/api/alliances/{alliance}/pipeline", $"/api/alliances/{alliance}/results" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync(path, Cancel)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsync($"/api/alliances/{alliance}/accept", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsJsonAsync($"/api/alliances/{alliance}/shared-opportunities",
            new { opportunityId = opportunity }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/opportunities/{opportunity}/alliances", Cancel)).StatusCode);
        var sharing = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}/alliances", Cancel);
        Assert.Equal(alliance, sharing.GetProperty("allianceIds")[0].GetGuid());

        // The ally joins the team: it sees the customer, and the alliance counts a teamed, then a won, opportunity.
        var invited = await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = ally, role = "storage", referralFeePercent = 5 }, Cancel);
        var invitation = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await allyClient.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 240000m }, Cancel)).StatusCode);

        var teamed = (await allyClient.GetFromJsonAsync<JsonElement>($"/api/alliances/{alliance}/pipeline", Cancel)).GetProperty("items")[0];
        Assert.Equal("Initech GmbH", teamed.GetProperty("customer").GetProperty("name").GetString());
        Assert.Empty(teamed.GetProperty("differences").EnumerateArray());
        var results = await allyClient.GetFromJsonAsync<JsonElement>($"/api/alliances/{alliance}/results", Cancel);
        Assert.Equal((1, 1, 1, 240000m), (results.GetProperty("shared").GetInt32(), results.GetProperty("teamed").GetInt32(),
            results.GetProperty("won").GetInt32(), results.GetProperty("valueWon").GetProperty("EUR").GetDecimal()));

        var mine = await allyClient.GetFromJsonAsync<JsonElement>("/api/alliances", Cancel);
        Assert.Equal("InForce", Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
        var detail = await strangerClient.GetAsync($"/api/alliances/{alliance}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);

        var left = await allyClient.PostAsync($"/api/alliances/{alliance}/leave", null, Cancel);
        Assert.Equal("Ended", (await left.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("state").GetString());
        await (await allyClient.GetAsync($"/api/alliances/{alliance}/pipeline", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Leads_show_no_value_and_a_decline_ends_the_proposal()
    {
        var (owner, ally, third) = Partners();
        var leads = await FormAsync(owner, ally, "leads");
        var opportunity = await PostAsync(owner);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/alliances/{leads}/shared-opportunities",
            new { opportunityId = opportunity }, Cancel)).StatusCode);

        var entry = (await fixture.Host.ClientFor(ally).GetFromJsonAsync<JsonElement>($"/api/alliances/{leads}/pipeline", Cancel)).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("estimatedValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("status").ValueKind);
        Assert.Equal("manufacturing", entry.GetProperty("industry").GetString());

        var proposed = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/alliances",
            new { name = "Three of us", members = new[] { ally, third }, sharingLevel = "joint-pursuit" }, Cancel);
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var declined = await fixture.Host.ClientFor(third).PostAsync($"/api/alliances/{id}/decline", null, Cancel);
        Assert.Equal("Ended", (await declined.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("state").GetString());
        await (await fixture.Host.ClientFor(ally).PostAsync($"/api/alliances/{id}/accept", null, Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_proposal_is_validated_and_its_members_must_take_part()
    {
        var (owner, ally, _) = Partners();
        var client = fixture.Host.ClientFor(owner);

        var invalid = await client.PostAsJsonAsync("/api/alliances", new
        {
            name = "", members = Array.Empty<Guid>(), sharingLevel = "everything", scope = new { regions = new[] { "Germany" }, capabilities = new[] { "storage.tapes" } },
        }, Cancel);
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "members", "sharingLevel", "scope.regions" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
        var unknownCode = await client.PostAsJsonAsync("/api/alliances",
            new { name = "Tapes", members = new[] { ally }, sharingLevel = "leads", scope = new { capabilities = new[] { "storage.tapes" } } }, Cancel);
        Assert.True((await unknownCode.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("scope.capabilities[0]", out _));

        var dormant = Guid.NewGuid();
        fixture.Directory.Standings[dormant] = PartnerStanding.Deactivated;
        fixture.Directory.Profiles[dormant] = new DirectoryProfile(dormant, "Dormant", false, []);
        await (await client.PostAsJsonAsync("/api/alliances", new { name = "With a dormant partner", members = new[] { dormant }, sharingLevel = "leads" }, Cancel))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suggestions_name_the_owner_s_allies_whose_alliance_scope_covers_the_opportunity()
    {
        var (owner, ally, _) = Partners();
        await FormAsync(owner, ally);
        var inScope = await PostAsync(owner);
        var outOfScope = await PostAsync(owner, "US");
        var client = fixture.Host.ClientFor(owner);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/opportunities/{inScope}/suggestions", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/opportunities/{outOfScope}/suggestions", Cancel)).StatusCode);

        var requests = fixture.Matchmaker.Requests.Where(r => r.OwnerPartnerId == owner.ToString()).ToList();
        Assert.Equal([ally.ToString()], requests.Single(r => r.Region == "DE").AllyPartnerIds);
        Assert.Empty(requests.Single(r => r.Region == "US").AllyPartnerIds);
    }
}
