using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.PortalTests;

/// <summary>The ecosystem page, fed by the real services through the real gateway with the signed-in user's token.</summary>
public sealed class Ecosystem_page(PortalSystem system) : IClassFixture<PortalSystem>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewVendor() => $"vendor-{Guid.NewGuid():N}"[..20];

    private async Task<Guid> RegisterAsync(string name, string region, params string[] programs)
    {
        var partner = Guid.NewGuid();
        using var api = system.Api().ActingFor(partner);
        var response = await api.PostAsJsonAsync("/api/partners", new
        {
            name, partnerFunction = "solution", category = "isv", tier = "advanced", regions = new[] { region },
            capabilities = new[] { new { code = "storage", proficiency = "expert" } }, programMemberships = programs,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return partner;
    }

    private async Task<HttpClient> SignedInAsync(string token)
    {
        var browser = system.Browser();
        var form = await (await browser.GetAsync("/signin", Cancel)).Content.ReadAsStringAsync(Cancel);
        var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "token", ["__RequestVerificationToken"] = Html.AntiforgeryToken(form), ["Token"] = token,
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    [Fact]
    public async Task A_vendor_sees_its_own_programs_figures_and_relationships_and_never_another_programs()
    {
        var (acme, globex) = (NewVendor(), NewVendor());
        var owner = await RegisterAsync("Owner Resellers", "US", acme);
        var member = await RegisterAsync("Member Storage", "DE", acme);
        await RegisterAsync("Globex Only", "JP", globex);
        using (var vendorApi = system.Api().AsVendor(acme))
        {
            Assert.Equal(HttpStatusCode.Created, (await vendorApi.PutNewAsJsonAsync($"/api/rewards/vendors/{acme}/program",
                new { name = "Acme Partner Program", currency = "USD", leadRegistrationBonus = 500, holdingPeriodDays = 30 }, Cancel)).StatusCode);
        }
        using var ownerApi = system.Api().ActingFor(owner);
        var posted = await ownerApi.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initech" }, industry = "finance", region = "US", size = "large",
            needs = new[] { new { capability = "storage", mustHave = true } }, estimatedValue = 250_000m, currency = "USD", vendorId = acme,
        }, Cancel);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var invited = await ownerApi.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations", new { partnerId = member, role = "storage", referralFeePercent = 10m }, Cancel);
        var invitation = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using (var memberApi = system.Api().ActingFor(member))
        {
            Assert.Equal(HttpStatusCode.OK, (await memberApi.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await ownerApi.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 240_000m }, Cancel)).StatusCode);

        using var browser = await SignedInAsync(DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Vendor, vendorId: acme));
        // Matching learns of the partners and the invitation from events: the pair shows up once they have crossed the broker.
        var page = await Eventually.HoldsAsync(() => PageAsync(browser, $"/ecosystem?days=30&vendor={globex}"), html => html.Contains("Member Storage"));

        Assert.Equal($"Acme Partner Program ({acme})", Html.TextOf(page, "program-title"));
        Assert.Null(Html.TextOf(page, "choose-vendor"));
        Assert.Equal("2", Html.TextOf(page, "partners-total"));
        Assert.Equal("1", Html.TextOf(page, "partners-by-region-DE"));
        Assert.Null(Html.TextOf(page, "partners-by-region-JP"));
        Assert.Equal("1", Html.TextOf(page, "opportunities-posted"));
        Assert.Equal("250,000.00 USD", Html.TextOf(page, "posted-value-USD"));
        Assert.Equal("240,000.00 USD", Html.TextOf(page, "won-value-USD"));
        Assert.Equal("100 %", Html.TextOf(page, "win-rate"));
        Assert.Equal("1", Html.TextOf(page, "invitations-accepted"));
        Assert.Equal("1", Html.TextOf(page, "teams-formed"));
        Assert.Contains("Owner Resellers", page);
        Assert.DoesNotContain("Globex Only", page);
        Assert.Null(Html.TextOf(page, "partners-problem"));
        Assert.Null(Html.TextOf(page, "rewards-problem"));
    }

    [Fact]
    public async Task An_administrator_picks_a_program_from_the_list_or_sees_the_whole_ecosystem()
    {
        var (northwind, redleaf) = (NewVendor(), NewVendor());
        await RegisterAsync("Northwind Member", "FR", northwind);
        await RegisterAsync("Redleaf Member", "IT", redleaf);
        await RegisterAsync("Redleaf Second", "IT", redleaf);
        using var browser = await SignedInAsync(DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Admin));

        var program = await PageAsync(browser, $"/ecosystem?days=365&vendor={redleaf}");
        Assert.Equal(redleaf, Html.TextOf(program, "program-title"));
        Assert.Equal("2", Html.TextOf(program, "partners-total"));
        Assert.Contains($"<option value=\"{northwind}\"", program);
        Assert.Contains($"<option value=\"{redleaf}\" selected", program);

        var whole = await PageAsync(browser, "/ecosystem");
        Assert.Equal("the whole ecosystem", Html.TextOf(whole, "program-title"));
        Assert.True(int.Parse(Html.TextOf(whole, "partners-total")!, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }
}
