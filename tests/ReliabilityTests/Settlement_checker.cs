using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>The checker itself: it must tell a lost reward from one settled once or twice.</summary>
public sealed class Settlement_checker
{
    private static readonly SampleWins Wins = new(members: 2);

    private static (LedgerLine Earned, LedgerLine Owed) Booked(ExpectedReward reward, decimal? amount = null) =>
        (new LedgerLine(reward.OpportunityId, reward.PartnerId, reward.OwnerPartnerId, "referral-fee-earned", amount ?? reward.Amount, reward.Currency),
         new LedgerLine(reward.OpportunityId, reward.OwnerPartnerId, reward.PartnerId, "referral-fee-owed", -(amount ?? reward.Amount), reward.Currency));

    private static IEnumerable<PartnerLedger> Ledgers(params LedgerLine[] lines) =>
        lines.GroupBy(l => l.PartnerId).Select(g => new PartnerLedger(g.Key,
            g.GroupBy(l => l.Currency).Select(c => new LedgerBalance(c.Key, c.Sum(l => l.Amount))).ToList(), g.ToList()));

    [Fact]
    public void Classifies_each_reward_as_lost_settled_once_or_settled_twice()
    {
        var checker = new SettlementChecker();
        checker.Expect(Wins.Take(3));
        var (once, twice, lost) = (checker.Expected[0], checker.Expected[1], checker.Expected[2]);
        var (onceEarned, onceOwed) = Booked(once);
        var (twiceEarned, twiceOwed) = Booked(twice);

        var verdict = checker.Check(Ledgers(onceEarned, onceOwed, twiceEarned, twiceOwed, twiceEarned with { Account = "again" }, twiceOwed with { Account = "again" }));

        Assert.Equal(RewardOutcome.SettledOnce, verdict.Outcomes[once]);
        Assert.Equal(RewardOutcome.SettledTwice, verdict.Outcomes[twice]);
        Assert.Equal(RewardOutcome.Lost, verdict.Outcomes[lost]);
        Assert.False(verdict.IsExactlyOnce);
        Assert.NotEmpty(verdict.TotalMismatches);
    }

    [Fact]
    public void Calls_a_wrong_amount_or_a_missing_side_wrong_and_a_stray_entry_unexpected()
    {
        var checker = new SettlementChecker();
        checker.Expect(Wins.Take(2));
        var (wrongAmount, oneSided) = (checker.Expected[0], checker.Expected[1]);
        var stray = new LedgerLine(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "referral-fee-earned", 1m, "USD");

        var (wrongEarned, wrongOwed) = Booked(wrongAmount, amount: 1m);

        var verdict = checker.Check(Ledgers(wrongEarned, wrongOwed, Booked(oneSided).Earned, stray));

        Assert.Equal(RewardOutcome.Wrong, verdict.Outcomes[wrongAmount]);
        Assert.Equal(RewardOutcome.Wrong, verdict.Outcomes[oneSided]);
        Assert.Equal([stray], verdict.Unexpected);
    }

    [Fact]
    public void Passes_a_ledger_where_every_reward_is_settled_once_and_the_totals_agree()
    {
        var checker = new SettlementChecker();
        checker.Expect(Wins.Take(5));

        var verdict = checker.Check(Ledgers(checker.Expected.SelectMany(r => new[] { Booked(r).Earned, Booked(r).Owed }).ToArray()));

        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        Assert.Equal(5, verdict.Count(RewardOutcome.SettledOnce));
    }
}
