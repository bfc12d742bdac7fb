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

    [Fact]
    public async Task A_vendor_sees_every_deal_of_its_one_on_one_partners_without_the_customer_and_each_side_names_its_relationship_owner()
    {
        const string vendor = "one-on-one-vendor";
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        await SetModesAsync(vendorClient, vendor, "\"0\"", new Dictionary<string, string> { ["msp"] = "one-on-one" });
        var (managed, owner, formal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        fixture.Directory.Categories[managed] = "msp";
        var ownsOne = await PostAsync(managed, vendor);
        var invitedToOne = await PostAsync(owner, vendor);
        var invitation = await (await InviteAsync(owner, invitedToOne, managed)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("one-on-one", invitation.GetProperty("managementMode").GetString());
        var formalOnly = await PostAsync(owner, vendor);
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(owner, formalOnly, formal)).StatusCode);
        var elsewhere = await PostAsync(managed, "another-vendor");

        var firstPage = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{vendor}/one-on-one?limit=1", Cancel);
        var secondPage = await vendorClient.GetFromJsonAsync<JsonElement>(
            $"/api/opportunities/programs/{vendor}/one-on-one?limit=1&cursor={firstPage.GetProperty("nextCursor").GetString()}", Cancel);
        var items = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal([invitedToOne, ownsOne], items.Select(i => i.GetProperty("opportunity").GetProperty("id").GetGuid()));
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("opportunity").GetProperty("customer").ValueKind));
        var invitedAs = Assert.Single(items[0].GetProperty("partners").EnumerateArray());
        Assert.Equal((managed, false, "Pending"),
            (invitedAs.GetProperty("partnerId").GetGuid(), invitedAs.GetProperty("owner").GetBoolean(), invitedAs.GetProperty("invitationStatus").GetString()));
        Assert.True(Assert.Single(items[1].GetProperty("partners").EnumerateArray()).GetProperty("owner").GetBoolean());
        Assert.DoesNotContain(elsewhere, items.Select(i => i.GetProperty("opportunity").GetProperty("id").GetGuid()));
        await (await fixture.Host.ClientFor(managed).GetAsync($"/api/opportunities/programs/{vendor}/one-on-one", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var vendorNamed = await vendorClient.PostAsJsonAsync($"/api/opportunities/programs/{vendor}/relationships/{managed}/owner", new { name = "Vera Vendor" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, vendorNamed.StatusCode);
        var partnerNamed = await fixture.Host.ClientFor(managed).PostAsJsonAsync($"/api/opportunities/programs/{vendor}/relationships/{managed}/owner",
            new { name = " Pat Partner " }, Cancel);
        Assert.Equal(HttpStatusCode.OK, partnerNamed.StatusCode);
        foreach (var side in new[] { vendorClient, fixture.Host.ClientFor(managed) })
        {
            var seen = await side.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{vendor}/relationships/{managed}", Cancel);
            Assert.Equal(("Vera Vendor", "Pat Partner", true),
                (seen.GetProperty("vendorOwner").GetString(), seen.GetProperty("partnerOwner").GetString(), seen.GetProperty("managedOneOnOne").GetBoolean()));
        }
        var listed = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{vendor}/relationships", Cancel);
        Assert.Equal(managed, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("partnerId").GetGuid());
        var notOneOnOne = await vendorClient.PostAsJsonAsync($"/api/opportunities/programs/{vendor}/relationships/{formal}/owner", new { name = "Vera Vendor" }, Cancel);
        Assert.Equal("Not a one-on-one relationship.", (await notOneOnOne.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await (await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/programs/{vendor}/relationships/{managed}/owner", new { name = "Mallory" }, Cancel))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(owner).GetAsync($"/api/opportunities/programs/{vendor}/relationships/{managed}", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await vendorClient.PostAsJsonAsync($"/api/opportunities/programs/{vendor}/relationships/{managed}/owner", new { name = "" }, Cancel))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        // A change of modes applies to new deals only: the stamped ones stay in the vendor's view, a new one does not join it.
        await SetModesAsync(vendorClient, vendor, "\"1\"", new Dictionary<string, string>());
        var afterChange = await PostAsync(managed, vendor);
        var now = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{vendor}/one-on-one", Cancel);
        Assert.Equal([invitedToOne, ownsOne], now.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("opportunity").GetProperty("id").GetGuid()));
        Assert.NotEqual(Guid.Empty, afterChange);
        var unmanaged = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/programs/{vendor}/relationships/{managed}", Cancel);
        Assert.Equal(("Vera Vendor", false), (unmanaged.GetProperty("vendorOwner").GetString(), unmanaged.GetProperty("managedOneOnOne").GetBoolean()));
    }

    private static async Task SetModesAsync(HttpClient vendorClient, string vendor, string etag, Dictionary<string, string> modes)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/opportunities/programs/{vendor}/management") { Content = JsonContent.Create(new { categoryModes = modes }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.OK, (await vendorClient.SendAsync(put, Cancel)).StatusCode);
    }

    private async Task<Guid> PostAsync(Guid owner, string vendor)
    {
        var posted = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Wayne Enterprises" }, industry = "finance", region = "US", size = "large", vendorId = vendor,
            needs = new[] { new { capability = "cloud.migration", mustHave = true } }, estimatedValue = 50000, currency = "USD",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> InviteAsync(Guid owner, Guid opportunity, Guid partner) =>
        fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations", new { partnerId = partner, role = "delivery", referralFeePercent = 5 }, Cancel);
}
