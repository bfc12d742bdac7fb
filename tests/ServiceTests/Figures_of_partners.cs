using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

public sealed class Figures_of_partners(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewVendor() => $"vendor-{Guid.NewGuid():N}"[..20];

    private async Task<Guid> RegisterAsync(string function, string category, string tier, string[] regions, params string[] programs)
    {
        var partnerId = Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partnerId).PostAsJsonAsync("/api/partners", new PartnerProfile
        {
            Name = $"{category} {tier} {partnerId:N}"[..40], PartnerFunction = function, Category = category, Tier = tier, Regions = regions,
            Capabilities = [new CapabilityInput("storage", "expert")], ProgramMemberships = programs,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return partnerId;
    }

    private static async Task<PartnerFigures> FiguresAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/partners/figures{query}", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<PartnerFigures>(Cancel))!;
    }

    [Fact]
    public async Task A_vendor_reads_its_program_members_by_type_tier_and_region_and_nobody_elses()
    {
        var (acme, globex) = (NewVendor(), NewVendor());
        await RegisterAsync("solution", "isv", "premier", ["US", "DE"], acme, globex);
        await RegisterAsync("sales", "solution-reseller", "ready", ["US"], acme);
        await RegisterAsync("sales", "solution-reseller", "premier", ["FR"], globex);
        var leaving = await RegisterAsync("service", "consulting-deployment", "advanced", ["US"], acme);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(leaving).PostAsync($"/api/partners/{leaving}/deactivate", null, Cancel)).StatusCode);

        var figures = await FiguresAsync(fixture.Host.CreateClient().AsVendor(acme));

        Assert.Equal(acme, figures.Vendor);
        Assert.Equal(2, figures.Partners);
        Assert.Equal([new GroupCount("sales", 1), new GroupCount("solution", 1)], figures.ByType);
        Assert.Equal([new GroupCount("premier", 1), new GroupCount("ready", 1)], figures.ByTier);
        Assert.Equal([new GroupCount("US", 2), new GroupCount("DE", 1)], figures.ByRegion);
        Assert.Equal([new GroupCount(acme, 2)], figures.Programs);
        var named = await FiguresAsync(fixture.Host.CreateClient().AsVendor(acme), $"?vendor={acme}");
        Assert.Equal(JsonSerializer.Serialize(figures), JsonSerializer.Serialize(named));

        var refused = await fixture.Host.CreateClient().AsVendor(acme).GetAsync($"/api/partners/figures?vendor={globex}", Cancel);
        Assert.Contains(globex, (await refused.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_administrator_reads_any_program_or_the_whole_ecosystem_counting_each_partner_once()
    {
        var (acme, globex) = (NewVendor(), NewVendor());
        var admin = fixture.Host.CreateClient().AsAdmin();
        var before = await FiguresAsync(admin);

        await RegisterAsync("influencer", "academia", "registered", ["JP"], acme, globex);
        await RegisterAsync("influencer", "academia", "registered", ["JP"], globex);

        var whole = await FiguresAsync(admin);
        Assert.Null(whole.Vendor);
        Assert.Equal(before.Partners + 2, whole.Partners);
        Assert.Equal(Count(before.ByType, "influencer") + 2, Count(whole.ByType, "influencer"));
        Assert.Equal(Count(before.ByRegion, "JP") + 2, Count(whole.ByRegion, "JP"));
        Assert.Contains(new GroupCount(globex, 2), whole.Programs);
        Assert.Contains(new GroupCount(acme, 1), whole.Programs);

        var program = await FiguresAsync(admin, $"?vendor={globex}");
        Assert.Equal((globex, 2L), (program.Vendor, program.Partners));
        Assert.Contains(new GroupCount(acme, 1), program.Programs);
    }

    [Fact]
    public async Task Partners_are_refused_and_a_malformed_vendor_is_a_validation_problem()
    {
        var partner = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync("/api/partners/figures", Cancel);
        await partner.AssertProblemAsync(HttpStatusCode.Forbidden);

        var malformed = await fixture.Host.CreateClient().AsAdmin().GetAsync("/api/partners/figures?vendor=Not%20A%20Vendor", Cancel);
        Assert.Contains("vendor", (await malformed.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.CreateClient().GetAsync("/api/partners/figures", Cancel)).StatusCode);
    }

    private static long Count(IReadOnlyList<GroupCount> groups, string group) => groups.FirstOrDefault(g => g.Group == group)?.Count ?? 0;
}
