using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.TestSupport;

/// <summary>Won deals with one owner and a referral fee for one member each, amounts exact to the cent.</summary>
public sealed class SampleWins(int members = 10, string currency = "USD")
{
    private int _next;

    public Guid Owner { get; } = Guid.NewGuid();
    public IReadOnlyList<Guid> Members { get; } = Enumerable.Range(0, members).Select(_ => Guid.NewGuid()).ToList();

    public OpportunityWon Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new OpportunityWon
        {
            OpportunityId = Guid.CreateVersion7(),
            OwnerPartnerId = Owner,
            FinalValue = 1_000m + n,
            Currency = currency,
            Team =
            [
                new TeamMemberTerms
                {
                    PartnerId = Members[n % Members.Count], Role = "specialist",
                    Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m },
                },
            ],
            OccurredAt = DateTimeOffset.UtcNow,
        };
    }

    public IReadOnlyList<OpportunityWon> Take(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToList();
}
