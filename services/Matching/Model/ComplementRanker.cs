namespace EcosystemMarket.Matching.Model;

/// <summary>
/// Ranks partners by how much of what the owner lacks they cover. A partner that covers none of the
/// owner's gaps brings only what the owner already brings (a competitor) or nothing relevant, and is
/// never suggested; neither are the owner itself, inactive partners or partners the owner excluded.
/// </summary>
public static class ComplementRanker
{
    public const double MustHaveWeight = 10;
    public const double NiceToHaveWeight = 3;
    public const double RegionFitWeight = 1;

    private static readonly IReadOnlyDictionary<string, double> TierWeights = new Dictionary<string, double>
    {
        ["registered"] = 0,
        ["ready"] = 0.25,
        ["advanced"] = 0.5,
        ["premier"] = 0.75,
    };

    public static MatchResult Rank(MatchRequest request, IndexedPartner? owner, IEnumerable<IndexedPartner> partners)
    {
        var ownerCapabilities = owner?.Capabilities ?? new HashSet<string>();
        var lacking = request.Needs
            .Where(n => !ownerCapabilities.Contains(n.Capability))
            .GroupBy(n => n.Capability, StringComparer.Ordinal)
            .Select(g => new Need(g.Key, g.Any(n => n.MustHave)))
            .ToList();

        var candidates = new List<RankedCandidate>();
        foreach (var partner in partners)
        {
            if (partner.PartnerId == request.OwnerPartnerId || !partner.Active || request.Excluded.Contains(partner.PartnerId))
            {
                continue;
            }
            var coversMust = lacking.Where(n => n.MustHave && partner.Capabilities.Contains(n.Capability)).Select(n => n.Capability).Order(StringComparer.Ordinal).ToList();
            var coversNice = lacking.Where(n => !n.MustHave && partner.Capabilities.Contains(n.Capability)).Select(n => n.Capability).Order(StringComparer.Ordinal).ToList();
            if (coversMust.Count + coversNice.Count == 0)
            {
                continue;
            }

            var reasons = coversMust.Select(c => $"covers {c} (must-have)")
                .Concat(coversNice.Select(c => $"covers {c} (nice-to-have)"))
                .ToList();
            var score = coversMust.Count * MustHaveWeight + coversNice.Count * NiceToHaveWeight;
            if (request.Region is { } region && partner.Regions.Contains(region))
            {
                score += RegionFitWeight;
                reasons.Add($"operates in {region}");
            }
            if (TierWeights.TryGetValue(partner.Tier, out var tierWeight) && tierWeight > 0)
            {
                score += tierWeight;
                reasons.Add($"{partner.Tier} tier");
            }
            candidates.Add(new RankedCandidate(partner.PartnerId, partner.Name, score, coversMust, coversNice, reasons));
        }

        var ranked = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.PartnerId)
            .Take(request.Limit)
            .ToList();
        return new MatchResult(lacking.Select(n => n.Capability).ToList(), ranked);
    }
}
