using System.Diagnostics.Metrics;
using EcosystemMarket.Matching.Model;
using static EcosystemMarket.Contracts.Telemetry.EcosystemMetrics;

namespace EcosystemMarket.Matching.Telemetry;

/// <summary>Matching's ecosystem figures: how often a search finds complementary partners, over REST and gRPC alike.</summary>
public sealed class MatchingMetrics
{
    private readonly Counter<long> _searches;

    public MatchingMetrics(IMeterFactory meters) =>
        _searches = meters.Create(Meters.Matching).CreateCounter<long>(MatchSearches.Name, MatchSearches.Unit);

    public MatchResult Searched(MatchResult result)
    {
        _searches.Add(1, new KeyValuePair<string, object?>(Tags.Outcome, result.Candidates.Count > 0 ? "matched" : "unmatched"));
        return result;
    }
}
