using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Portal.Program;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>Everything the ecosystem page shows, each part as its service answered it (or why it did not).</summary>
/// <param name="RelationshipWindow">The days back from today Matching's relationship health covers (30, 90 or 365).</param>
/// <param name="Activity">The program's claims and conflicts by decision; null for the whole ecosystem.</param>
public sealed record EcosystemView(
    EcosystemQuery Query,
    int RelationshipWindow,
    GatewayAnswer<PartnerFigures> Partners,
    GatewayAnswer<OpportunityFigures> Opportunities,
    GatewayAnswer<RewardFigures> Rewards,
    GatewayAnswer<RelationshipsView> Relationships,
    GatewayAnswer<ProgramActivity>? Activity)
{
    public DateOnly From => Query.From;
    public DateOnly To => Query.To;

    /// <summary>The programs an administrator can pick: those with members, and those with a reward program.</summary>
    public IReadOnlyList<ProgramSummary> Programs => ProgramList.Of(Partners.Value, Rewards.Value);

    /// <summary>The program as people know it: its reward program's name when it has one, else its id.</summary>
    public string Title => Query.Vendor is not { } vendor
        ? "the whole ecosystem"
        : Rewards.Value?.ProgramName is { } name ? $"{name} ({vendor})" : vendor;
}
