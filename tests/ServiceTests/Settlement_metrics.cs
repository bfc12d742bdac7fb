using System.Net;
using System.Net.Http.Json;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

[Collection(nameof(MetricsScrapes))]
public sealed class Settlement_metrics(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static OpportunityWon Won(Guid owner, decimal finalValue) => new()
    {
        OpportunityId = Guid.NewGuid(),
        OwnerPartnerId = owner,
        FinalValue = finalValue,
        Currency = "USD",
        Team = [],
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task The_rewards_gauge_shows_a_programs_accrued_payable_paid_and_clawed_back_amounts_under_its_vendor()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var owner = Guid.NewGuid();
        fixture.Standings.Attest(owner, vendor, "premier");
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        Assert.Equal(HttpStatusCode.Created, (await vendorClient.PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new
        {
            name = "Gauge Program", currency = "USD", leadRegistrationBonus = 1000, holdingPeriodDays = 14,
            tierMultipliers = new Dictionary<string, decimal> { ["premier"] = 1.5m },
        }, Cancel)).StatusCode);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();

        async Task<IReadOnlyList<PrometheusSample>> RewardsReach(params (string State, double Amount)[] expected) =>
            await Eventually.HoldsAsync(() => PrometheusScrape.ReadAsync(fixture.Host.CreateClient(), Cancel),
                m => expected.All(e => Amount(m, e.State) == e.Amount));
        double? Amount(IReadOnlyList<PrometheusSample> metrics, string state) => metrics.ValueOf(EcosystemMetrics.Rewards.PrometheusName,
            (EcosystemMetrics.Tags.Vendor, vendor), (EcosystemMetrics.Tags.Currency, "USD"), (EcosystemMetrics.Tags.State, state));
        void AssertAmounts(IReadOnlyList<PrometheusSample> metrics, params (string State, double Amount)[] expected) =>
            Assert.Equal(expected, expected.Select(e => (e.State, Amount(metrics, e.State) ?? double.NaN)).ToArray());

        await bus.Publish(Won(owner, 50_000m) with { VendorId = vendor, DealRegistrationId = Guid.NewGuid() }, Cancel);
        AssertAmounts(await RewardsReach(("accrued", 1500)), ("accrued", 1500), ("payable", 0), ("paid", 0), ("clawed-back", 0));

        fixture.Clock.Offset = TimeSpan.FromDays(15);
        try
        {
            AssertAmounts(await RewardsReach(("payable", 1500)), ("accrued", 1500), ("payable", 1500), ("paid", 0), ("clawed-back", 0));
            var payout = await vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = owner, currency = "USD" }, Cancel);
            Assert.Equal(HttpStatusCode.OK, payout.StatusCode);
            AssertAmounts(await RewardsReach(("paid", 1500)), ("accrued", 1500), ("payable", 0), ("paid", 1500), ("clawed-back", 0));
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }

        var reversed = Won(owner, 20_000m) with { VendorId = vendor, DealRegistrationId = Guid.NewGuid() };
        await bus.Publish(reversed, Cancel);
        await RewardsReach(("accrued", 3000));
        await bus.Publish(new OpportunityReversed { OpportunityId = reversed.OpportunityId, OwnerPartnerId = owner, Reason = "Cancelled", OccurredAt = DateTimeOffset.UtcNow }, Cancel);
        var clawedBack = await RewardsReach(("clawed-back", 1500));
        Assert.Equal(1500, Amount(clawedBack, "clawed-back"));
        Assert.Equal(3000, Amount(clawedBack, "accrued"));
    }
}
