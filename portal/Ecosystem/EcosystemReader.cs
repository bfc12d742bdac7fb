using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>Asks the four services, through the gateway and at once, for what the ecosystem page shows.</summary>
public sealed class EcosystemReader(GatewayClient gateway, TimeProvider clock)
{
    public async Task<EcosystemView> ReadAsync(EcosystemQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = query.PeriodEnding(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var partners = gateway.PartnerFiguresAsync(query.Vendor, cancellationToken);
        var opportunities = gateway.OpportunityFiguresAsync(query.Vendor, from, to, cancellationToken);
        var rewards = gateway.RewardFiguresAsync(query.Vendor, cancellationToken);
        var relationships = gateway.RelationshipsAsync(query.Vendor, query.Days, cancellationToken);
        return new EcosystemView(query, from, to, await partners, await opportunities, await rewards, await relationships);
    }
}
