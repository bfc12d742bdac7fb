using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

public sealed class SettlementFixture() : ServiceFixture<Ledger>("settlementdb");

public sealed class Settlement_service(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static OpportunityWon Won(Guid owner, decimal finalValue, params (Guid Partner, decimal Percent)[] team) => new()
    {
        OpportunityId = Guid.NewGuid(),
        OwnerPartnerId = owner,
        FinalValue = finalValue,
        Currency = "EUR",
        Team = team.Select(m => new TeamMemberTerms { PartnerId = m.Partner, Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = m.Percent } }).ToList(),
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<JsonElement> LedgerOf(Guid partner) =>
        await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/ledger", Cancel);

    [Fact]
    public async Task The_same_win_delivered_many_times_is_booked_once()
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var won = Won(owner, 10_000.05m, (member, 12.5m));
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();

        // The same message redelivered, and the same fact republished under a new message id.
        for (var i = 0; i < 5; i++)
        {
            await bus.Publish(won, context => context.MessageId = messageId, Cancel);
        }
        await bus.Publish(won, context => context.MessageId = Guid.NewGuid(), Cancel);
        var sentinel = Won(owner, 100m, (Guid.NewGuid(), 1m));
        await bus.Publish(sentinel, Cancel);

        // Once the later message is booked, the earlier ones have been handled too (one queue, in order of arrival).
        await Eventually.HoldsAsync(() => LedgerOf(owner), l => l.GetProperty("entries").GetArrayLength() >= 2);
        var ledger = await Eventually.HoldsAsync(() => LedgerOf(member), l => l.GetProperty("entries").GetArrayLength() > 0);
        await Task.Delay(500, Cancel);
        ledger = await LedgerOf(member);

        var entry = Assert.Single(ledger.GetProperty("entries").EnumerateArray());
        Assert.Equal(1250.01m, entry.GetProperty("amount").GetDecimal());
        Assert.Equal("referral-fee-earned", entry.GetProperty("account").GetString());
    }

    [Fact]
    public async Task A_team_of_two_gets_two_balanced_transactions()
    {
        var (owner, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(Won(owner, 80_000m, (first, 10m), (second, 2.5m)), Cancel);

        var ownerLedger = await Eventually.HoldsAsync(() => LedgerOf(owner), l => l.GetProperty("entries").GetArrayLength() == 2);
        Assert.Equal(-10_000m, ownerLedger.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(8_000m, (await LedgerOf(first)).GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(2_000m, (await LedgerOf(second)).GetProperty("balances")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_partner_reads_only_its_own_ledger()
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/rewards/partners/{Guid.NewGuid()}/ledger", Cancel);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
