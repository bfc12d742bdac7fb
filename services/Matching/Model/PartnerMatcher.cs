namespace EcosystemMarket.Matching.Model;

/// <summary>Answers match requests from this replica's index, its track record and today's date.</summary>
public sealed class PartnerMatcher(PartnerIndex index, TrackRecord record, TimeProvider clock)
{
    public bool IsReady => index.IsReady;

    public MatchResult Find(MatchRequest request)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return index.Read(view => ComplementRanker.Rank(request, view, record, today));
    }
}
