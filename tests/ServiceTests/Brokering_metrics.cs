using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

[Collection(nameof(MetricsScrapes))]
public sealed class Brokering_metrics(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> InviteAsync(Guid owner, Guid opportunity, Guid invitee)
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = invitee, role = "network integrator", referralFeePercent = 7.5m }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Brokering_figures_appear_at_metrics_under_the_opportunitys_vendor_once_committed()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var posted = await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Stark Industries" }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "security", mustHave = true } }, estimatedValue = 40000, currency = "USD", vendorId = vendor,
        }, Cancel);
        var view = await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(vendor, view.GetProperty("vendorId").GetString());
        var opportunity = view.GetProperty("id").GetGuid();

        var (accepting, declining) = (Guid.NewGuid(), Guid.NewGuid());
        var accepted = await InviteAsync(owner, opportunity, accepting);
        var declined = await InviteAsync(owner, opportunity, declining);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(accepting).PostAsync($"/api/invitations/{accepted}/accept", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(declining).PostAsJsonAsync($"/api/invitations/{declined}/decline", new { reason = "Fully booked" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/opportunities/{opportunity}/suggestions", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 42000 }, Cancel)).StatusCode);
        await client.PostAsJsonAsync("/api/deal-registrations", new { vendorId = vendor, customerName = "Wayne Enterprises", scope = new[] { "storage" } }, Cancel);
        await fixture.Host.ClientFor(Guid.NewGuid()).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = vendor, customerName = "Wayne Enterprises", scope = new[] { "storage" } }, Cancel);
        // Rejected before anything is written: never counted.
        await (await client.PostAsJsonAsync("/api/opportunities", new { vendorId = "Not A Vendor" }, Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var metrics = await PrometheusScrape.ReadAsync(fixture.Host.CreateClient(), Cancel);
        // The catalogue's Prometheus names, checked against what the exporter really prints.
        Assert.Equal("ecosystem_opportunities_posted_total", EcosystemMetrics.OpportunitiesPosted.PrometheusName);
        Assert.Equal("ecosystem_opportunities_time_to_team_seconds", EcosystemMetrics.TimeToTeam.PrometheusName);
        (string, string) Vendor = (EcosystemMetrics.Tags.Vendor, vendor);
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.OpportunitiesPosted.PrometheusName, Vendor));
        Assert.Equal(2, metrics.ValueOf(EcosystemMetrics.InvitationsSent.PrometheusName, Vendor));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.InvitationsAnswered.PrometheusName, Vendor, ("outcome", "accepted")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.InvitationsAnswered.PrometheusName, Vendor, ("outcome", "declined")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.InvitationResponseTime.PrometheusName + "_count", Vendor, ("outcome", "accepted")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.TimeToTeam.PrometheusName + "_count", Vendor));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.OpportunitiesMatched.PrometheusName, Vendor, ("outcome", "unmatched")));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.OpportunitiesClosed.PrometheusName, Vendor, ("outcome", "won")));
        Assert.Equal(2, metrics.ValueOf(EcosystemMetrics.DealRegistrations.PrometheusName, Vendor));
        Assert.Equal(1, metrics.ValueOf(EcosystemMetrics.DealConflicts.PrometheusName, Vendor, ("kind", "overlap")));
        Assert.Contains(metrics, s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "/api/opportunities/");
    }
}
