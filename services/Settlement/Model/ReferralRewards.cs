using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>Turns a won deal's agreed terms into ledger transactions: one per team member with a reward.</summary>
public static class ReferralRewards
{
    public static IReadOnlyList<LedgerEntry> For(OpportunityWon won, DateTimeOffset now)
    {
        var entries = new List<LedgerEntry>();
        foreach (var member in won.Team)
        {
            var amount = Money.Round(won.FinalValue * member.ReferralFeePercent / 100m, won.Currency);
            if (amount == 0)
            {
                continue;
            }
            // The key names the business fact, not the message: however often it arrives, it is booked once.
            var key = $"{won.OpportunityId:N}:referral:{member.PartnerId:N}";
            entries.Add(new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, member.PartnerId, won.OwnerPartnerId,
                Accounts.ReferralEarned, amount, won.Currency, now));
            entries.Add(new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, won.OwnerPartnerId, member.PartnerId,
                Accounts.ReferralOwed, -amount, won.Currency, now));
        }
        return entries;
    }
}
