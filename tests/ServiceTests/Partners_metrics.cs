using System.Net;
using System.Net.Http.Json;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

[Collection(nameof(MetricsScrapes))]
public sealed class Partners_metrics(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PartnerProfile Profile(string name) => new()
    {
        Name = name,
        PartnerFunction = "solution",
        Category = "isv",
        Tier = "advanced",
        Regions = ["US"],
        Capabilities = [new CapabilityInput("storage", "expert")],
    };

    private async Task RegisterAsync(PartnerProfile profile, Guid? id = null)
    {
        var partnerId = id ?? Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partnerId).PostAsJsonAsync("/api/partners", profile, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Partner_gauges_count_active_partners_per_program_vendor_and_once_for_the_whole_ecosystem()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var before = await PrometheusScrape.ReadAsync(fixture.Host.CreateClient(), Cancel);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await RegisterAsync(Profile("Gauge One") with { Tier = "premier", Regions = ["US", "DE"], ProgramMemberships = [vendor, "other-program"] }, first);
        await RegisterAsync(Profile("Gauge Two") with { Tier = "premier", Regions = ["US"], ProgramMemberships = [vendor] }, second);
        await RegisterAsync(Profile("Gauge Three") with { Tier = "premier", Regions = ["FR"] });
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(second).PostAsync($"/api/partners/{second}/deactivate", null, Cancel)).StatusCode);

        (string, string) Vendor = (EcosystemMetrics.Tags.Vendor, vendor);
        double AllPremier(IReadOnlyList<PrometheusSample> m) =>
            m.ValueOf(EcosystemMetrics.PartnersByTier.PrometheusName, (EcosystemMetrics.Tags.Vendor, EcosystemMetrics.Tags.AllVendors), (EcosystemMetrics.Tags.Tier, "premier")) ?? 0;

        // Only the snapshot taken after all four writes has one active member of the program and two more
        // premier partners overall; an earlier one (say, after the first registration) matches one of the two.
        var metrics = await Eventually.HoldsAsync(() => PrometheusScrape.ReadAsync(fixture.Host.CreateClient(), Cancel),
            m => m.ValueOf(EcosystemMetrics.PartnersByType.PrometheusName, Vendor, (EcosystemMetrics.Tags.Type, "solution")) == 1
                 && AllPremier(m) - AllPremier(before) == 2);
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.PartnersByType.PrometheusName, Vendor, (EcosystemMetrics.Tags.Type, "solution")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.PartnersByTier.PrometheusName, Vendor, (EcosystemMetrics.Tags.Tier, "premier")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.PartnersByRegion.PrometheusName, Vendor, (EcosystemMetrics.Tags.Region, "US")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.PartnersByRegion.PrometheusName, Vendor, (EcosystemMetrics.Tags.Region, "DE")));
        Assert.Null(metrics.ValueOf(EcosystemMetrics.PartnersByRegion.PrometheusName, Vendor, (EcosystemMetrics.Tags.Region, "FR")));

        // The whole ecosystem counts each active partner once, whatever its programs: two more premier partners.
        Assert.Equal(2, AllPremier(metrics) - AllPremier(before));

        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(first).PostAsync($"/api/partners/{first}/deactivate", null, Cancel)).StatusCode);
        var emptied = await Eventually.HoldsAsync(() => PrometheusScrape.ReadAsync(fixture.Host.CreateClient(), Cancel),
            m => m.ValueOf(EcosystemMetrics.PartnersByType.PrometheusName, Vendor, (EcosystemMetrics.Tags.Type, "solution")) == 0);
        Assert.Equal(0, emptied.ValueOf(EcosystemMetrics.PartnersByType.PrometheusName, Vendor, (EcosystemMetrics.Tags.Type, "solution")));
    }
}
