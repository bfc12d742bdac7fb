using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// A vendor publishes a blueprint in Partners, partners adopt it on a solution, a reseller posts an opportunity around
/// it through Brokering (which reads the blueprint from Partners over gRPC) and Matching ranks the adopters first among
/// equals, saying why; the vendor's figures show the pipeline the blueprint drove.
/// </summary>
public sealed class Blueprints(MatchingOnPartnersFixture fixture) : IClassFixture<MatchingOnPartnersFixture>
{
    private const string Vendor = "acme-cloud";

    [Fact]
    public async Task A_reseller_posts_around_a_vendor_blueprint_and_gets_the_partners_who_deliver_it_first()
    {
        var cancel = TestContext.Current.CancellationToken;
        var vendor = fixture.Partners.Host.CreateClient().AsVendor(Vendor);
        var published = await vendor.PostAsJsonAsync("/api/partners/blueprints", new
        {
            name = "Landing zone", description = "A governed cloud landing zone", capabilities = new[] { "security.identity", "cloud.migration" },
        }, cancel);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var blueprint = (await published.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();

        // Two partners that cover the same needs at the same level; only one delivers the blueprint.
        var adopter = Guid.NewGuid();
        var other = Guid.NewGuid();
        var adopted = await fixture.Partners.Host.ClientFor(adopter).PostAsJsonAsync("/api/partners",
            Profile("Adopter Integrators", new SolutionInput(null, null, null, blueprint)), cancel);
        Assert.True(adopted.StatusCode == HttpStatusCode.Created, await adopted.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.Created, (await fixture.Partners.Host.ClientFor(other).PostAsJsonAsync("/api/partners",
            Profile("Another Integrator"), cancel)).StatusCode);

        var read = await (await vendor.GetAsync($"/api/partners/blueprints/{blueprint}", cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(1, read.GetProperty("adopters").GetInt32());
        Assert.Equal(adopter, read.GetProperty("adoptedBy")[0].GetProperty("id").GetGuid());
        // The adopting solution took the blueprint's name, vendor and capabilities.
        var solution = (await (await vendor.GetAsync($"/api/partners/{adopter}", cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel))
            .GetProperty("solutions")[0];
        Assert.Equal(("Landing zone", Vendor), (solution.GetProperty("name").GetString(), solution.GetProperty("platformVendor").GetString()));

        var owner = fixture.Brokering.ClientFor(MatchingOnPartnersFixture.Owner);
        var posted = await owner.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Umbrella Corp" }, industry = "finance", region = "FR", size = "large",
            estimatedValue = 80000m, currency = "EUR", blueprintId = blueprint,
        }, cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var opportunity = await posted.Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(Vendor, opportunity.GetProperty("vendorId").GetString());
        Assert.Equal(["cloud.migration", "security.identity"],
            opportunity.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("capability").GetString()).Order(StringComparer.Ordinal));

        // Matching learns of both partners from their events: ask until both are ranked.
        var candidates = await Eventually.HoldsAsync(async () =>
            (await (await owner.GetAsync($"/api/opportunities/{opportunity.GetProperty("id").GetGuid()}/suggestions", cancel))
                .Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("candidates").EnumerateArray().ToList(),
            list => list.Count(c => c.GetProperty("partnerId").GetString() is var id && (id == adopter.ToString() || id == other.ToString())) == 2,
            TimeSpan.FromSeconds(30));
        var ranked = candidates.Select(c => Guid.Parse(c.GetProperty("partnerId").GetString()!)).Where(id => id == adopter || id == other).ToList();
        Assert.Equal([adopter, other], ranked);
        Assert.Contains("delivers the blueprint this opportunity is built around",
            candidates.First(c => c.GetProperty("partnerId").GetString() == adopter.ToString()).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var figures = await (await fixture.Brokering.CreateClient().AsVendor(Vendor).GetAsync($"/api/opportunities/figures?vendor={Vendor}", cancel))
            .Content.ReadFromJsonAsync<JsonElement>(cancel);
        var pipeline = Assert.Single(figures.GetProperty("blueprints").EnumerateArray());
        Assert.Equal((blueprint, 1L), (pipeline.GetProperty("blueprintId").GetGuid(), pipeline.GetProperty("posted").GetInt64()));
    }

    [Fact]
    public async Task Blueprints_are_published_by_vendors_once_per_name_and_adopted_only_as_published()
    {
        var cancel = TestContext.Current.CancellationToken;
        var partner = Guid.NewGuid();
        var asPartner = await fixture.Partners.Host.ClientFor(partner).PostAsJsonAsync("/api/partners/blueprints",
            new { name = "Mine", capabilities = new[] { "storage" } }, cancel);
        await asPartner.AssertProblemAsync(HttpStatusCode.Forbidden);

        var vendor = fixture.Partners.Host.CreateClient().AsVendor("other-vendor");
        var unknownCode = await vendor.PostAsJsonAsync("/api/partners/blueprints", new { name = "Backup", capabilities = new[] { "storage.bakup" } }, cancel);
        Assert.True((await unknownCode.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("capabilities[0]", out _));
        var first = await vendor.PostAsJsonAsync("/api/partners/blueprints", new { name = "Backup", capabilities = new[] { "storage.backup" } }, cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await vendor.PostAsJsonAsync("/api/partners/blueprints", new { name = "BACKUP", capabilities = new[] { "storage" } }, cancel);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var blueprint = (await first.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();

        var listed = await (await vendor.GetAsync("/api/partners/blueprints?vendor=other-vendor", cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(["Backup"], listed.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()));

        var unpublished = await fixture.Partners.Host.ClientFor(partner).PostAsJsonAsync("/api/partners",
            Profile("Unpublished", new SolutionInput(null, null, null, Guid.NewGuid())), cancel);
        Assert.True((await unpublished.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("solutions[0].blueprintId", out _));
        var wrongVendor = await fixture.Partners.Host.ClientFor(partner).PostAsJsonAsync("/api/partners",
            Profile("Wrong vendor", new SolutionInput("Backup on Acme", "acme-cloud", ["storage.backup"], blueprint)), cancel);
        Assert.True((await wrongVendor.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("solutions[0].platformVendor", out _));

        var owner = fixture.Brokering.ClientFor(MatchingOnPartnersFixture.Owner);
        var around = new { customer = new { name = "Initech" }, industry = "retail", region = "FR", size = "small", estimatedValue = 1000m, currency = "EUR" };
        var unknown = await owner.PostAsJsonAsync("/api/opportunities", new { around.customer, around.industry, around.region, around.size, around.estimatedValue,
            around.currency, blueprintId = Guid.NewGuid() }, cancel);
        Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("blueprintId", out _));
        var otherProgram = await owner.PostAsJsonAsync("/api/opportunities", new { around.customer, around.industry, around.region, around.size,
            around.estimatedValue, around.currency, blueprintId = blueprint, vendorId = "acme-cloud" }, cancel);
        Assert.True((await otherProgram.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("vendorId", out _));
        var noNeeds = await owner.PostAsJsonAsync("/api/opportunities", around, cancel);
        Assert.True((await noNeeds.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("needs", out _));
    }

    private static PartnerProfile Profile(string name, params SolutionInput[] solutions) => new()
    {
        Name = name, PartnerFunction = "service", Category = "consulting-deployment", Tier = "advanced", Regions = ["FR"],
        Capabilities = [new CapabilityInput("cloud.migration", "advanced"), new CapabilityInput("security.identity", "advanced")],
        Solutions = solutions,
    };
}
