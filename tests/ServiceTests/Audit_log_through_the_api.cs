using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// Changes made through Brokering's API land in its audit log with the caller, the organisation it acted for and the
/// request; each partner reads its own organisation's entries, the vendor its program's, an administrator all.
/// </summary>
public sealed class Audit_log_through_the_api(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private const string Vendor = "audit-vendor";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement[]> EntriesAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/opportunities/audit{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Each_change_is_recorded_with_its_actor_and_request_and_read_by_those_it_concerns()
    {
        var (owner, invitee, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ownerClient = fixture.Host.ClientFor(owner);
        ownerClient.DefaultRequestHeaders.Add("Idempotency-Key", $"post-{owner:N}");
        var posted = await ownerClient.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Wayne Enterprises" }, industry = "manufacturing", region = "US", size = "large", vendorId = Vendor,
            needs = new[] { new { capability = "cloud.migration", mustHave = true } }, estimatedValue = 80000, currency = "USD",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        ownerClient.DefaultRequestHeaders.Remove("Idempotency-Key");
        var invited = await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = invitee, role = "delivery", referralFeePercent = 5 }, Cancel);
        var invitation = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var answered = await fixture.Host.ClientFor(invitee).PostAsJsonAsync($"/api/invitations/{invitation}/decline", new { reason = "No capacity this quarter" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var ofOwner = await EntriesAsync(ownerClient);
        Assert.Equal(["invitation.declined", "invitation.sent", "opportunity.posted"], ofOwner.Select(e => e.GetProperty("action").GetString()));
        var post = ofOwner[2];
        Assert.Equal($"partner-{owner}", post.GetProperty("actor").GetString());
        Assert.Equal(owner.ToString(), post.GetProperty("actingFor").GetString());
        Assert.Equal("POST /api/opportunities", post.GetProperty("request").GetString());
        Assert.Equal($"post-{owner:N}", post.GetProperty("idempotencyKey").GetString());
        Assert.Equal(32, post.GetProperty("traceId").GetString()!.Length);
        Assert.Equal(opportunity.ToString(), post.GetProperty("subjectId").GetString());
        Assert.Equal(Vendor, post.GetProperty("vendorId").GetString());
        var declined = ofOwner[0];
        Assert.Equal($"partner-{invitee}", declined.GetProperty("actor").GetString());
        Assert.Equal($"POST /api/invitations/{invitation}/decline", declined.GetProperty("request").GetString());
        Assert.Equal("No capacity this quarter", declined.GetProperty("details").GetProperty("declineReason").GetString());

        // The invitee reads the invitation's entries, not the posting; a stranger reads nothing of theirs.
        Assert.Equal(["invitation.declined", "invitation.sent"], (await EntriesAsync(fixture.Host.ClientFor(invitee))).Select(e => e.GetProperty("action").GetString()));
        Assert.Empty(await EntriesAsync(fixture.Host.ClientFor(stranger)));
        var vendorEntries = await EntriesAsync(fixture.Host.CreateClient().AsVendor(Vendor));
        Assert.Equal(3, vendorEntries.Length);
        Assert.Empty(await EntriesAsync(fixture.Host.CreateClient().AsVendor("other-vendor")));
        Assert.Equal(3, (await EntriesAsync(fixture.Host.CreateClient().AsAdmin(), $"?partnerId={owner}")).Length);

        // Pages: the cursor is the last entry's id.
        var page = await (await ownerClient.GetAsync("/api/opportunities/audit?limit=2", Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var cursor = page.GetProperty("nextCursor").GetString();
        Assert.Equal(ofOwner[1].GetProperty("id").GetString(), cursor);
        Assert.Equal(["opportunity.posted"], (await EntriesAsync(ownerClient, $"?limit=2&cursor={cursor}")).Select(e => e.GetProperty("action").GetString()));
        Assert.Single(await EntriesAsync(ownerClient, $"?subjectId={opportunity}"));
    }

    [Fact]
    public async Task Another_organisations_log_is_refused_and_bad_paging_is_a_problem()
    {
        var partner = fixture.Host.ClientFor(Guid.NewGuid());

        await (await partner.GetAsync($"/api/opportunities/audit?partnerId={Guid.NewGuid()}", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync($"/api/opportunities/audit?vendorId={Vendor}", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.CreateClient().AsVendor("other-vendor").GetAsync($"/api/opportunities/audit?vendorId={Vendor}", Cancel))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await partner.GetAsync("/api/opportunities/audit?cursor=yesterday&limit=0", Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("cursor", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("limit", out _));
        await (await fixture.Host.CreateClient().GetAsync("/api/opportunities/audit", Cancel)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
