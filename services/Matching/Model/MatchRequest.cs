namespace EcosystemMarket.Matching.Model;

public sealed record Need(string Capability, bool MustHave);

public sealed record MatchRequest(Guid OwnerPartnerId, IReadOnlyList<Need> Needs, string? Region, IReadOnlySet<Guid> Excluded, int Limit);

public sealed record RankedCandidate(
    Guid PartnerId,
    string Name,
    double Score,
    IReadOnlyList<string> CoversMustHave,
    IReadOnlyList<string> CoversNiceToHave,
    IReadOnlyList<string> Reasons);

public sealed record MatchResult(IReadOnlyList<string> OwnerLacks, IReadOnlyList<RankedCandidate> Candidates);
