using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// Who earns a program's tier rewards (its bonuses, scaled by tier multipliers) on a won deal: not a participant the program
/// managed through formal support or marketing and PR when it joined the deal, by the mode Brokering stamped then (the
/// owner's at posting, a member's at invitation). A deal without stamps (outside a program, or announced before modes were
/// carried) is a formal program's. Partner-to-partner fees are agreed terms, not tier rewards: unaffected.
/// </summary>
public static class TierRewards
{
    public static bool EarnedUnder(string? managementMode) => managementMode is not (ManagementModes.FormalSupport or ManagementModes.MarketingPr);

    public static bool EarnedBy(OpportunityWon won, Guid partnerId) => EarnedUnder(partnerId == won.OwnerPartnerId
        ? won.OwnerManagementMode
        : won.Team.FirstOrDefault(m => m.PartnerId == partnerId)?.ManagementMode);
}
