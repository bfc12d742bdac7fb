using EcosystemMarket.Contracts.Telemetry;

namespace EcosystemMarket.Dashboard.Ecosystem;

/// <summary>The sample names the ecosystem's instruments appear under in a Prometheus exposition.</summary>
public static class EcosystemCatalogue
{
    private static readonly EcosystemMetrics.Instrument[] Gauges =
        [EcosystemMetrics.PartnersByType, EcosystemMetrics.PartnersByTier, EcosystemMetrics.PartnersByRegion, EcosystemMetrics.Rewards];

    private static readonly EcosystemMetrics.Instrument[] Counters =
    [
        EcosystemMetrics.MatchSearches, EcosystemMetrics.OpportunitiesPosted, EcosystemMetrics.OpportunitiesMatched,
        EcosystemMetrics.OpportunitiesClosed, EcosystemMetrics.InvitationsSent, EcosystemMetrics.InvitationsAnswered,
        EcosystemMetrics.DealRegistrations, EcosystemMetrics.DealConflicts,
    ];

    private static readonly EcosystemMetrics.Instrument[] Histograms = [EcosystemMetrics.TimeToTeam, EcosystemMetrics.InvitationResponseTime];

    public static readonly IReadOnlySet<string> SampleNames = Gauges.Concat(Counters).Select(i => i.PrometheusName)
        .Concat(Histograms.SelectMany(h => new[] { Bucket(h), Count(h) }))
        .ToHashSet(StringComparer.Ordinal);

    public static string Bucket(EcosystemMetrics.Instrument histogram) => histogram.PrometheusName + "_bucket";
    public static string Count(EcosystemMetrics.Instrument histogram) => histogram.PrometheusName + "_count";
}
