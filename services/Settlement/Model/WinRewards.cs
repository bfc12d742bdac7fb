using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// Everything a won deal earns: the team's agreed terms, held for the vendor program's holding period (the default
/// without a program), and the program's lead-registration bonus when the owner's attested tier is known.
/// </summary>
public static class WinRewards
{
    public static IReadOnlyList<LedgerEntry> For(OpportunityWon won, RewardProgram? program, string? ownerTier, DateTimeOffset now, TimeSpan defaultHoldingPeriod)
    {
        var holdingPeriod = program is null ? defaultHoldingPeriod : TimeSpan.FromDays(program.HoldingPeriodDays);
        var referral = ReferralRewards.For(won, now, holdingPeriod);
        return program is not null && ownerTier is not null ? [.. referral, .. ProgramRewards.For(won, program, ownerTier, now)] : referral;
    }
}
