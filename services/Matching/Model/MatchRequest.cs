namespace EcosystemMarket.Matching.Model;

public sealed record Need(string Capability, bool MustHave);

/// <param name="Allies">Partners in an alliance with the owner whose scope covers the opportunity: complementary ones rank first.</param>
public sealed record MatchRequest(
    Guid OwnerPartnerId, IReadOnlyList<Need> Needs, string? Region, string? Vertical, IReadOnlySet<Guid> Excluded, int Limit,
    IReadOnlySet<Guid>? Allies = null)
{
    /// <summary>The vendor blueprint the opportunity is built around: partners delivering it rank higher.</summary>
    public Guid? Blueprint { get; init; }
}

/// <summary>One part of a candidate's score, with the sentence a UI can show for it.</summary>
public sealed record ScorePart(string Name, double Points, string Explanation);

public sealed record RankedCandidate(
    Guid PartnerId,
    string Name,
    double Score,
    IReadOnlyList<string> CoversMustHave,
    IReadOnlyList<string> CoversNiceToHave,
    IReadOnlyList<ScorePart> Breakdown)
{
    public IReadOnlyList<string> Reasons => Breakdown.Select(p => p.Explanation).ToList();
}

public sealed record MatchResult(IReadOnlyList<string> OwnerLacks, IReadOnlyList<RankedCandidate> Candidates);
