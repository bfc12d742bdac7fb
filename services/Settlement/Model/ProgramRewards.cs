using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

public static class ProgramRewards
{
    public const string LeadRegistrationBonus = "lead-registration-bonus";

    /// <summary>Whether the owner may earn the lead-registration bonus: it registered the deal, and earns tier rewards (<see cref="TierRewards"/>).</summary>
    public static bool MayEarnBonus(OpportunityWon won) => won.DealRegistrationId is not null && TierRewards.EarnedBy(won, won.OwnerPartnerId);

    /// <summary>
    /// The program's lead-registration bonus for a won deal the owner had registered, in the program's
    /// currency: the bonus times the owner's tier multiplier, owed by the vendor to the owner.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> For(OpportunityWon won, RewardProgram program, string ownerTier, DateTimeOffset now)
    {
        if (!MayEarnBonus(won) || program.LeadRegistrationBonus == 0)
        {
            return [];
        }
        var amount = Money.Round(program.LeadRegistrationBonus * program.MultiplierFor(ownerTier), program.Currency);
        if (amount == 0)
        {
            return [];
        }
        var vendor = VendorAccounts.For(program.VendorId);
        var key = $"{won.OpportunityId:N}:{LeadRegistrationBonus}:{won.OwnerPartnerId:N}";
        var payableAt = now + TimeSpan.FromDays(program.HoldingPeriodDays);
        return
        [
            new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, won.OwnerPartnerId, vendor, Accounts.Earned(LeadRegistrationBonus), amount, program.Currency, now, payableAt),
            new LedgerEntry(Guid.CreateVersion7(), key, won.OpportunityId, vendor, won.OwnerPartnerId, Accounts.Owed(LeadRegistrationBonus), -amount, program.Currency, now, payableAt),
        ];
    }
}
