using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Clawbacks_and_statements
{
    private static readonly DateTimeOffset Won = new(2026, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static IReadOnlyList<LedgerEntry> Booked(decimal finalValue, decimal percent, DateTimeOffset at, Guid? opportunity = null) =>
        ReferralRewards.For(new OpportunityWon
        {
            OpportunityId = opportunity ?? Guid.NewGuid(), OwnerPartnerId = Owner, FinalValue = finalValue, Currency = "USD", OccurredAt = at,
            Team = [new TeamMemberTerms { PartnerId = Member, Role = "r", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = percent } }],
        }, at, TimeSpan.FromDays(30));

    [Fact]
    public void A_clawback_mirrors_every_booked_transaction_once_and_balances_to_zero()
    {
        var booked = Booked(10_000m, 10m, Won);
        var clawbacks = Clawbacks.For(booked, Won.AddDays(3));

        Assert.Equal(2, clawbacks.Count);
        Assert.All(clawbacks, c => Assert.EndsWith(Clawbacks.KeySuffix, c.TransactionKey));
        Assert.Equal(0m, booked.Concat(clawbacks).Where(e => e.PartnerId == Member).Sum(e => e.Amount));
        Assert.Equal(0m, clawbacks.Sum(e => e.Amount));
        Assert.Empty(Clawbacks.For([.. booked, .. clawbacks], Won.AddDays(4)));
    }

    [Fact]
    public void A_reward_is_held_until_the_holding_period_ends()
    {
        var entries = Booked(10_000m, 10m, Won).Where(e => e.PartnerId == Member).ToList();

        var during = Assert.Single(Statements.For(Member, entries, Won.AddDays(-1), Won.AddDays(29)).Currencies);
        var after = Assert.Single(Statements.For(Member, entries, Won.AddDays(-1), Won.AddDays(31)).Currencies);

        Assert.Equal((1000m, 1000m, 0m), (during.ClosingBalance, during.Held, during.Payable));
        Assert.Equal((1000m, 0m, 1000m), (after.ClosingBalance, after.Held, after.Payable));
    }

    [Fact]
    public void A_statement_opens_with_the_balance_before_its_period_and_a_negative_balance_carries_forward()
    {
        var september = Booked(1_000m, 10m, Won);
        var paidOut = september.Where(e => e.PartnerId == Member).Select(e => e with { Id = Guid.NewGuid(), Amount = -e.Amount, Account = "payout", TransactionKey = "p", CreatedAt = Won.AddDays(40), PayableAt = Won.AddDays(40) });
        var reversedInNovember = Clawbacks.For(september, new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero));
        var entries = september.Concat(paidOut).Concat(reversedInNovember).Where(e => e.PartnerId == Member).ToList();

        var november = Assert.Single(Statements.For(Member, entries, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)).Currencies);
        var december = Assert.Single(Statements.For(Member, entries, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)).Currencies);

        Assert.Equal((0m, -100m), (november.OpeningBalance, november.ClosingBalance));
        Assert.Equal((-100m, -100m), (december.OpeningBalance, december.ClosingBalance));
        Assert.Empty(december.Entries);
    }
}
