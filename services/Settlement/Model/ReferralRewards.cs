using EcosystemMarket.Contracts;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// Turns a won deal's agreed terms into ledger transactions, one per team member with a reward: a referral
/// fee or revenue share is a percentage of the final value, a fixed fee its amount, in the deal's currency.
/// Both sides are held for the holding period before they become payable.
/// </summary>
public static class ReferralRewards
{
    /// <summary>Why a win cannot be booked at all (the ledger holds only exact amounts in ISO 4217 currencies), or null.</summary>
    public static string? ReasonToReject(OpportunityWon won)
    {
        if (!CodeFormats.IsCurrency(won.Currency))
        {
            return $"currency '{won.Currency}' is not an ISO 4217 code";
        }
        if (won.FinalValue <= 0)
        {
            return $"final value {won.FinalValue} is not positive";
        }
        return won.Team.Any(m => AmountOf(m.Reward, won.FinalValue) < 0) ? "a team member's reward is negative" : null;
    }

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
