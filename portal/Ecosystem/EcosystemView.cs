using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>Everything the ecosystem page shows, each part as its service answered it (or why it did not).</summary>
public sealed record EcosystemView(
    EcosystemQuery Query,
    DateOnly From,
    DateOnly To,
    GatewayAnswer<PartnerFigures> Partners,
    GatewayAnswer<OpportunityFigures> Opportunities,
    GatewayAnswer<RewardFigures> Rewards,
    GatewayAnswer<RelationshipsView> Relationships)
{
    /// <summary>The programs an administrator can pick: those with members, and those with a reward program.</summary>
    public IReadOnlyList<ProgramSummary> Programs =>
        (Partners.Value?.Programs.Select(p => new ProgramSummary(p.Group, null)) ?? [])
            .Concat(Rewards.Value?.Programs ?? [])
            .GroupBy(p => p.VendorId)
            .Select(g => new ProgramSummary(g.Key, g.Select(p => p.Name).FirstOrDefault(n => n is not null)))
            .OrderBy(p => p.VendorId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The program as people know it: its reward program's name when it has one, else its id.</summary>
    public string Title => Query.Vendor is not { } vendor
        ? "the whole ecosystem"
        : Rewards.Value?.ProgramName is { } name ? $"{name} ({vendor})" : vendor;
}
