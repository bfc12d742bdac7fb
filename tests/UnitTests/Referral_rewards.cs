using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Referral_rewards
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Holding = TimeSpan.FromDays(30);

    private static OpportunityWon Won(decimal finalValue, string currency, params (Guid Partner, decimal Percent)[] team) => new()
    {
        OpportunityId = Guid.Parse("11111111-2222-3333-4444-555555555555"),
        OwnerPartnerId = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000000"),
        FinalValue = finalValue,
        Currency = currency,
        Team = team.Select(m => new TeamMemberTerms { PartnerId = m.Partner, Role = "security", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = m.Percent } }).ToList(),
        OccurredAt = Now,
    };

    [Fact]
    public void Every_transaction_sums_to_zero_per_currency()
    {
        var won = Won(98_765.43m, "USD", (Guid.NewGuid(), 3.333m), (Guid.NewGuid(), 12.5m), (Guid.NewGuid(), 0.7m));

        var entries = ReferralRewards.For(won, Now, Holding);

        Assert.Equal(6, entries.Count);
        Assert.All(entries.GroupBy(e => (e.TransactionKey, e.Currency)), t => Assert.Equal(0m, t.Sum(e => e.Amount)));
    }

    [Theory]
    [InlineData("1000.10", "3.5", "USD", "35.00")]
    [InlineData("0.50", "5", "USD", "0.03")]
    [InlineData("1050", "5", "JPY", "53")]
    [InlineData("100.005", "10", "KWD", "10.001")]
    public void Pays_the_final_value_times_the_percent_rounded_half_away_from_zero_to_the_minor_unit(string finalValue, string percent, string currency, string expected)
    {
        var member = Guid.NewGuid();
        var won = Won(decimal.Parse(finalValue), currency, (member, decimal.Parse(percent)));

        var entries = ReferralRewards.For(won, Now, Holding);

        var earned = Assert.Single(entries, e => e.Account == Accounts.Earned(RewardTerms.ReferralFee));
        var owed = Assert.Single(entries, e => e.Account == Accounts.Owed(RewardTerms.ReferralFee));
        Assert.Equal(decimal.Parse(expected), earned.Amount);
        Assert.Equal((member, won.OwnerPartnerId, currency), (earned.PartnerId, earned.CounterpartyPartnerId, earned.Currency));
        Assert.Equal(-decimal.Parse(expected), owed.Amount);
        Assert.Equal((won.OwnerPartnerId, member, currency), (owed.PartnerId, owed.CounterpartyPartnerId, owed.Currency));
    }

    [Fact]
    public void Books_one_transaction_per_team_member_keyed_by_opportunity_and_partner()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var won = Won(10_000m, "EUR", (first, 5m), (second, 2m));

        var transactions = ReferralRewards.For(won, Now, Holding).GroupBy(e => e.TransactionKey).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(
            new[] { $"{won.OpportunityId:N}:referral-fee:{first:N}", $"{won.OpportunityId:N}:referral-fee:{second:N}" }.Order(),
            transactions.Keys.Order());
        Assert.Equal(500m, transactions[$"{won.OpportunityId:N}:referral-fee:{first:N}"].Single(e => e.PartnerId == first).Amount);
        Assert.Equal(200m, transactions[$"{won.OpportunityId:N}:referral-fee:{second:N}"].Single(e => e.PartnerId == second).Amount);
        Assert.All(transactions.Values, t => Assert.Equal(2, t.Count));
        Assert.All(transactions.Values.SelectMany(t => t), e => Assert.Equal(won.OpportunityId, e.OpportunityId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0001")]
    public void Books_nothing_for_a_member_whose_reward_rounds_to_zero(string percent)
    {
        var paid = Guid.NewGuid();
        var unpaid = Guid.NewGuid();
        var won = Won(10m, "USD", (unpaid, decimal.Parse(percent)), (paid, 10m));

        var entries = ReferralRewards.For(won, Now, Holding);

        Assert.Equal(2, entries.Count);
        Assert.DoesNotContain(entries, e => e.PartnerId == unpaid || e.CounterpartyPartnerId == unpaid);
    }

    [Fact]
    public void Gives_the_same_won_deal_the_same_transaction_keys_every_time()
    {
        var won = Won(2_500m, "USD", (Guid.NewGuid(), 4m), (Guid.NewGuid(), 6m));

        var once = ReferralRewards.For(won, Now, Holding);
        var again = ReferralRewards.For(won, Now.AddMinutes(5), Holding);

        Assert.Equal(once.Select(e => (e.TransactionKey, e.PartnerId, e.Account, e.Amount)), again.Select(e => (e.TransactionKey, e.PartnerId, e.Account, e.Amount)));
    }

    [Fact]
    public void A_fixed_fee_pays_its_amount_and_a_revenue_share_its_percent_whatever_the_other_fields_say()
    {
        var (fixedFee, share) = (Guid.NewGuid(), Guid.NewGuid());
        var won = Won(50_000m, "EUR") with
        {
            Team =
            [
                new TeamMemberTerms { PartnerId = fixedFee, Role = "design", Reward = new RewardTerms { Kind = RewardTerms.FixedFee, Amount = 1_500.555m } },
                new TeamMemberTerms { PartnerId = share, Role = "delivery", Reward = new RewardTerms { Kind = RewardTerms.RevenueShare, Percent = 20m } },
            ],
        };

        var earned = ReferralRewards.For(won, Now, Holding).Where(e => e.Amount > 0).ToDictionary(e => e.PartnerId);

        Assert.Equal((1_500.56m, Accounts.Earned(RewardTerms.FixedFee)), (earned[fixedFee].Amount, earned[fixedFee].Account));
        Assert.Equal((10_000m, Accounts.Earned(RewardTerms.RevenueShare)), (earned[share].Amount, earned[share].Account));
    }

    [Theory]
    [InlineData("usd", "100", "10", "currency 'usd' is not an ISO 4217 code")]
    [InlineData("US$", "100", "10", "currency 'US$' is not an ISO 4217 code")]
    [InlineData("USD", "0", "10", "final value 0 is not positive")]
    [InlineData("USD", "100", "-10", "a team member's reward is negative")]
    public void A_win_that_breaks_the_contract_is_rejected_with_its_reason(string currency, string finalValue, string percent, string reason)
    {
        var won = Won(decimal.Parse(finalValue), currency, (Guid.NewGuid(), decimal.Parse(percent)));

        Assert.Equal(reason, ReferralRewards.ReasonToReject(won));
    }

    [Fact]
    public void A_win_in_an_iso_currency_with_a_positive_value_is_accepted()
    {
        Assert.Null(ReferralRewards.ReasonToReject(Won(100m, "EUR", (Guid.NewGuid(), 10m))));
    }
}
