using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;
using System.Globalization;
using EcosystemMarket.Portal.Gateway;
using static EcosystemMarket.Portal.Gateway.GatewayClient;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>Asks the four services, through the gateway and at once, for what the ecosystem page shows.</summary>
public sealed class EcosystemReader(GatewayClient gateway, TimeProvider clock)
{
    /// <summary>The most active pairs are shown; the rest are a count.</summary>
    public const int RelationshipsShown = 50;

    public async Task<EcosystemView> ReadAsync(EcosystemQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = query.PeriodEnding(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var vendor = query.Vendor;
        var partners = gateway.GetAsync<PartnerFigures>(With("api/partners/figures", ("vendor", vendor)), cancellationToken);
        var opportunities = gateway.GetAsync<OpportunityFigures>(
            With("api/opportunities/figures", ("vendor", vendor), ("from", Day(from)), ("to", Day(to))), cancellationToken);
        var rewards = gateway.GetAsync<RewardFigures>(With("api/rewards/figures", ("vendor", vendor)), cancellationToken);
        var relationships = gateway.GetAsync<RelationshipsView>(With("api/matching/relationships",
            ("windowDays", query.Days.ToString(CultureInfo.InvariantCulture)), ("limit", RelationshipsShown.ToString(CultureInfo.InvariantCulture)),
            ("vendor", vendor)), cancellationToken);
        return new EcosystemView(query, from, to, await partners, await opportunities, await rewards, await relationships);
    }
}
