using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// A vendor manages partner categories in its program: an SLA partner's late answer is a breach the vendor sees, and an
/// influencer is never invited to the program's deals.
/// </summary>
public sealed class Program_management(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private const string Vendor = "sla-vendor";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_SLA_partners_late_answer_is_a_breach_its_vendor_sees_and_influencers_are_never_invited()
    {
        var vendor = fixture.Host.CreateClient().AsVendor(Vendor);
        var read = await vendor.GetAsync($"/api/opportunities/programs/{Vendor}/management", Cancel);
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);
        var settings = new
        {
            categoryModes = new Dictionary<string, string> { ["consulting-deployment"] = "sla", ["industry-analyst"] = "marketing-pr" },
            slaResponseHours = 4,
            supportContact = "partners@sla-vendor.example",
        };
        await (await vendor.PutAsJsonAsync($"/api/opportunities/programs/{Vendor}/management", settings, Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var asPartner = fixture.Host.ClientFor(Guid.NewGuid());
        asPartner.DefaultRequestHeaders.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        await (await asPartner.PutAsJsonAsync($"/api/opportunities/programs/{Vendor}/management", settings, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        vendor.DefaultRequestHeaders.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var saved = await vendor.PutAsJsonAsync($"/api/opportunities/programs/{Vendor}/management", settings, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag?.Tag);
        await (await vendor.PutAsJsonAsync($"/api/opportunities/programs/{Vendor}/management", settings, Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var wrongMode = await vendor.PutAsJsonAsync($"/api/opportunities/programs/{Vendor}/management",
            new { categoryModes = new Dictionary<string, string> { ["isv"] = "whenever" } }, Cancel);
        Assert.True((await wrongMode.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("categoryModes.isv", out _));

        var (owner, slaPartner, influencer, isv) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        fixture.Directory.Categories[slaPartner] = "consulting-deployment";
        fixture.Directory.Categories[influencer] = "industry-analyst";
        var ownerClient = fixture.Host.ClientFor(owner);
        var posted = await ownerClient.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Stark Industries" }, industry = "manufacturing", region = "US", size = "large", vendorId = Vendor,
            needs = new[] { new { capability = "cloud.migration", mustHave = true } }, estimatedValue = 120000, currency = "USD",
        }, Cancel);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Task<HttpResponseMessage> Invite(Guid partner) => ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = partner, role = "delivery", referralFeePercent = 5 }, Cancel);

        var refused = await (await Invite(influencer)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Influencers are not invited to deals.", refused.GetProperty("title").GetString());
        var underSla = await (await Invite(slaPartner)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var invitedAt = underSla.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(invitedAt.AddHours(4), underSla.GetProperty("slaDueAt").GetDateTimeOffset());
        var formal = await (await Invite(isv)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(JsonValueKind.Null, formal.GetProperty("slaDueAt").ValueKind);

        fixture.Clock.Offset = TimeSpan.FromHours(5);
        try
        {
            var accepted = await fixture.Host.ClientFor(slaPartner).PostAsync($"/api/invitations/{underSla.GetProperty("id").GetGuid()}/accept", null, Cancel);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var accepted2 = await fixture.Host.ClientFor(isv).PostAsync($"/api/invitations/{formal.GetProperty("id").GetGuid()}/accept", null, Cancel);
            Assert.Equal(HttpStatusCode.OK, accepted2.StatusCode);

            var report = await vendor.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{Vendor}/sla", Cancel);
            Assert.Equal((1, 1, 0), (report.GetProperty("invitations").GetInt32(), report.GetProperty("breaches").GetInt32(), report.GetProperty("answeredInTime").GetInt32()));
            var breach = Assert.Single(report.GetProperty("items").EnumerateArray());
            Assert.Equal(slaPartner, breach.GetProperty("partnerId").GetGuid());
            Assert.Equal(opportunity, breach.GetProperty("opportunityId").GetGuid());
            Assert.InRange(TimeSpan.Parse(breach.GetProperty("late").GetString()!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
            Assert.Equal(slaPartner, Assert.Single(report.GetProperty("byPartner").EnumerateArray()).GetProperty("partnerId").GetGuid());

            var otherVendor = await fixture.Host.CreateClient().AsVendor("someone-else").GetAsync($"/api/opportunities/programs/{Vendor}/sla", Cancel);
            await otherVendor.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }
}
