using System.Globalization;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Portal.Program;
using static EcosystemMarket.Portal.Gateway.GatewayClient;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>Asks the four services, through the gateway and at once, for what the ecosystem page shows.</summary>
public sealed class EcosystemReader(GatewayClient gateway, TimeProvider clock)
{
    /// <summary>The most active pairs are shown; the rest are a count.</summary>
    public const int RelationshipsShown = 50;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<EcosystemView> ReadAsync(EcosystemQuery query, CancellationToken cancellationToken)
    {
        var vendor = query.Vendor;
        var window = query.RelationshipWindow(Today);
        var partners = gateway.GetAsync<PartnerFigures>(With("api/partners/figures", ("vendor", vendor)), cancellationToken);
        var opportunities = gateway.GetAsync<OpportunityFigures>(
            With("api/opportunities/figures", ("vendor", vendor), ("from", Day(query.From)), ("to", Day(query.To))), cancellationToken);
        var rewards = gateway.GetAsync<RewardFigures>(
            With("api/rewards/figures", ("vendor", vendor), ("from", Day(query.From)), ("to", Day(query.To))), cancellationToken);
        var relationships = gateway.GetAsync<RelationshipsView>(With("api/matching/relationships",
            ("windowDays", window.ToString(CultureInfo.InvariantCulture)), ("limit", RelationshipsShown.ToString(CultureInfo.InvariantCulture)),
            ("vendor", vendor)), cancellationToken);
        var activity = ActivityAsync(query, cancellationToken);
        return new EcosystemView(query, window, await partners, await opportunities, await rewards, await relationships, await activity);
    }

    private async Task<GatewayAnswer<ProgramActivity>?> ActivityAsync(EcosystemQuery query, CancellationToken cancellationToken)
    {
        if (query.Vendor is not { } vendor)
        {
            return null;
        }
        var program = new ProgramApi(gateway);
        var states = new[] { "pending", "attested", "rejected" }.Select(state => program.AllClaimsAsync(vendor, state, cancellationToken)).ToList();
        var registrations = query.CallerIsVendor ? program.RegistrationsAsync(cancellationToken) : null;
        var claims = await Task.WhenAll(states);
        if (claims.FirstOrDefault(c => c.Value is null) is { } failed)
        {
            return new GatewayAnswer<ProgramActivity>(null, failed.Status, failed.Problem);
        }
        var conflicts = registrations is null ? null : (await registrations).Value is { } listed ? ProgramActivity.CountConflicts(listed) : null;
        return new GatewayAnswer<ProgramActivity>(
            new ProgramActivity(ProgramActivity.CountClaims(claims[0].Value!.Count, claims[1].Value!.Count, claims[2].Value!.Count), conflicts),
            System.Net.HttpStatusCode.OK, null);
    }
}
