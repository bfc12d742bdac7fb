using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcosystemMarket.ServiceTests;

public sealed class Opportunity_teams(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_team_is_the_owner_and_the_accepted_invitees_and_only_they_see_it()
    {
        var owner = Guid.NewGuid();
        var posted = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initech" }, industry = "technology", region = "US", size = "large",
            needs = new[] { new { capability = "storage.backup", mustHave = true } }, estimatedValue = 90000m, currency = "USD",
        }, Cancel);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var (joining, declining, pending) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var invitations = new Dictionary<Guid, Guid>();
        foreach (var invitee in new[] { joining, declining, pending })
        {
            var invited = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
                new { partnerId = invitee, role = "backup specialist", referralFeePercent = 5 }, Cancel);
            invitations[invitee] = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(joining).GetAsync($"/api/opportunities/{opportunity}/team", Cancel)).StatusCode);

        await fixture.Host.ClientFor(joining).PostAsync($"/api/invitations/{invitations[joining]}/accept", null, Cancel);
        await fixture.Host.ClientFor(declining).PostAsJsonAsync($"/api/invitations/{invitations[declining]}/decline", new { reason = "No capacity" }, Cancel);

        foreach (var member in new[] { owner, joining })
        {
            var team = await fixture.Host.ClientFor(member).GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}/team", Cancel);
            Assert.Equal(owner, team.GetProperty("ownerPartnerId").GetGuid());
            var joined = Assert.Single(team.GetProperty("members").EnumerateArray());
            Assert.Equal(joining, joined.GetProperty("partnerId").GetGuid());
            Assert.Equal("backup specialist", joined.GetProperty("role").GetString());
        }
        foreach (var outsider in new[] { declining, pending, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(outsider).GetAsync($"/api/opportunities/{opportunity}/team", Cancel)).StatusCode);
        }
    }
}
