using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

public sealed class Partner_profile_vocabularies(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Any_signed_in_user_reads_the_vocabularies_a_profile_chooses_from()
    {
        var taxonomy = await fixture.Host.ClientFor(Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/api/partners/taxonomy", Cancel);

        var solution = taxonomy.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "solution");
        Assert.Contains("isv", solution.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["registered", "ready", "advanced", "premier"], taxonomy.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("retail", taxonomy.GetProperty("verticals").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("expert", taxonomy.GetProperty("proficiencies").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("storage", taxonomy.GetProperty("specializations").EnumerateArray().Select(s => s.GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.CreateClient().GetAsync("/api/partners/taxonomy", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_profile_says_how_complete_it_is_and_what_it_lacks()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        var created = await client.PostAsJsonAsync("/api/partners", new
        {
            name = "Fresh ISV", partnerFunction = "solution", category = "isv", tier = "registered", regions = new[] { "FR" },
            capabilities = new[] { new { code = "security", proficiency = "basic" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/partners/{partnerId}", Cancel);
        var completeness = read.GetProperty("completeness");
        Assert.InRange(completeness.GetProperty("percent").GetInt32(), 1, 99);
        var missing = completeness.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("no certification yet", missing);
        Assert.Contains("no solution yet", missing);
    }
}
