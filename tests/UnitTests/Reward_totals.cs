using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Reward_totals
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();

    private static readonly RewardProgram Program = new("acme", "Acme Partner Program", "USD", 1_000m, new Dictionary<string, decimal> { ["premier"] = 1.5m }, 30);

    private static IReadOnlyList<LedgerEntry> Bonus(DateTimeOffset at) => ProgramRewards.For(new OpportunityWon
    {
        OpportunityId = Guid.NewGuid(), OwnerPartnerId = Owner, FinalValue = 10_000m, Currency = "USD", Team = [], VendorId = "acme",
        DealRegistrationId = Guid.NewGuid(), OccurredAt = at,
    }, Program, "premier", at);

    [Fact]
    public void A_programs_rewards_split_into_held_and_payable_net_of_payouts_and_clawbacks()
    {
        var released = Bonus(Now.AddDays(-40));
        var paid = new PayoutAccount("acme", Owner, "USD", Version: 0).Approve(released, Now.AddDays(-5))!.Payout.Entries;
        var stillHeld = Bonus(Now.AddDays(-10));
        var reversed = Bonus(Now.AddDays(-2));
        var clawedBack = Clawbacks.For(reversed, Now.AddDays(-1));

        var totals = RewardTotals.Of([.. released, .. paid, .. stillHeld, .. reversed, .. clawedBack], Now);

        // Three bonuses of 1,500 earned; one paid out, one held, one held and clawed back at once (payable -1,500 until it is released).
        Assert.Equal([new CurrencyRewards("USD", Accrued: 4_500m, Held: 3_000m, Payable: -1_500m, Paid: 1_500m, ClawedBack: 1_500m)], totals);
    }

    [Fact]
    public void Over_a_period_flows_count_what_was_booked_within_it_and_balances_stand_as_at_its_end()
    {
        var released = Bonus(Now.AddDays(-40));
        var paid = new PayoutAccount("acme", Owner, "USD", Version: 0).Approve(released, Now.AddDays(-5))!.Payout.Entries;
        var stillHeld = Bonus(Now.AddDays(-10));
        // What the query reads for the period: the entries booked until its end (a bonus of day -2 and its clawback came after).
        var totals = RewardTotals.Of([.. released, .. paid, .. stillHeld], asOf: Now.AddDays(-3), since: Now.AddDays(-20));

        // Earned in the period: the bonus of day -10 (day -40's is older). Paid in it: day -40's,
        // released at day -10 and paid at day -5, so nothing is payable at the end; day -10's is still held then.
        Assert.Equal([new CurrencyRewards("USD", Accrued: 1_500m, Held: 1_500m, Payable: 0m, Paid: 1_500m, ClawedBack: 0m)], totals);
    }

    [Fact]
    public void Only_the_earners_side_counts_so_a_reward_between_partners_is_not_counted_twice()
    {
        var member = Guid.NewGuid();
        var won = new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = Owner, FinalValue = 1_000m, Currency = "EUR", OccurredAt = Now,
            Team = [new TeamMemberTerms { PartnerId = member, Role = "r", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } }],
        };
        var booked = ReferralRewards.For(won, Now.AddDays(-60), TimeSpan.FromDays(30));

        Assert.Equal([new CurrencyRewards("EUR", 100m, 0m, 100m, 0m, 0m)], RewardTotals.Of(booked, Now));
    }
}
