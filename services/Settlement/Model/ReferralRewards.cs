using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// Turns a won deal's agreed terms into ledger transactions, one per team member with a reward: a referral
/// fee or revenue share is a percentage of the final value, a fixed fee its amount, in the deal's currency.
/// Both sides are held for the holding period before they become payable.
/// </summary>
public static class ReferralRewards
{
    public static IReadOnlyList<LedgerEntry> For(OpportunityWon won, DateTimeOffset now, TimeSpan holdingPeriod)
    {
        var entries = new List<LedgerEntry>();
        foreach (var member in won.Team)
        {
            var amount = Money.Round(AmountOf(member.Reward, won.FinalValue), won.Currency);
            if (amount == 0)
            {
                continue;
            }
            // The key names the business fact, not the message: however often it arrives, it is booked once.
            var key = $"{won.OpportunityId:N}:{member.Reward.Kind}:{member.PartnerId:N}";
            var payableAt = now + holdingPeriod;
            entries.Add(new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, member.PartnerId, won.OwnerPartnerId,
                Accounts.Earned(member.Reward.Kind), amount, won.Currency, now, payableAt));
            entries.Add(new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, won.OwnerPartnerId, member.PartnerId,
                Accounts.Owed(member.Reward.Kind), -amount, won.Currency, now, payableAt));
        }
        return entries;
    }

    public static decimal AmountOf(RewardTerms reward, decimal finalValue) => reward.Kind switch
    {
        RewardTerms.FixedFee => reward.Amount ?? 0,
        _ => finalValue * (reward.Percent ?? 0) / 100m,
    };
}
