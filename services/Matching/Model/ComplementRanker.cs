using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// Ranks partners by how much of what the owner lacks they cover, then by how well. The score is
/// lexicographic by construction: each covered must-have is worth 1,000 points, each nice-to-have 100, and
/// everything else together (proficiency, valid certifications, region and vertical fit, tier, track record,
/// history with this owner) stays below 100, so quality only orders partners that cover the same needs.
/// A partner covering none of the owner's gaps brings only what the owner brings (a competitor) or nothing
/// relevant, and never appears; neither do the owner, inactive partners or partners the owner excluded.
/// </summary>
public static class ComplementRanker
{
    public const int MaxNeeds = 64;
    public const double MustHavePoints = 1000;
    public const double NiceToHavePoints = 100;

    public static MatchResult Rank(MatchRequest request, PartnerIndex.View index, TrackRecord record, DateOnly today)
    {
        var owner = index.Get(request.OwnerPartnerId);
        var lacking = request.Needs
            .GroupBy(n => n.Capability, StringComparer.Ordinal)
            .Select(g => new Need(g.Key, g.Any(n => n.MustHave)))
            .Where(n => owner is null || owner.LevelFor(n.Capability) == 0)
            .Take(MaxNeeds)
            .ToList();
        if (lacking.Count == 0)
        {
            return new MatchResult([], []);
        }

        ulong mustBits = 0;
        for (var i = 0; i < lacking.Count; i++)
        {
            mustBits |= lacking[i].MustHave ? 1UL << i : 0;
        }

        // The shared pool hands out arrays as other code left them.
        var masks = ArrayPool<ulong>.Shared.Rent(index.SlotCount);
        Array.Clear(masks, 0, index.SlotCount);
        var touched = new List<int>();
        try
        {
            for (var i = 0; i < lacking.Count; i++)
            {
                foreach (var slot in index.Postings(lacking[i].Capability))
                {
                    if (masks[slot] == 0)
                    {
                        touched.Add(slot);
                    }
                    masks[slot] |= 1UL << i;
                }
            }

            // Only partners whose coverage can still reach the top `limit` are scored in full: count how
            // many partners share each coverage, and keep the best coverages until they hold `limit` partners.
            var eligible = new List<(int Slot, int Coverage)>(touched.Count);
            foreach (var slot in touched)
            {
                var partner = index[slot];
                if (partner.Id == request.OwnerPartnerId || !partner.Active || request.Excluded.Contains(partner.Id))
                {
                    continue;
                }
                eligible.Add((slot, CoverageKey(masks[slot], mustBits)));
            }
            var threshold = CoverageThreshold(eligible, request.Limit);

            var ranked = new List<RankedCandidate>();
            foreach (var (slot, coverage) in eligible)
            {
                if (coverage >= threshold)
                {
                    ranked.Add(Score(index[slot], masks[slot], lacking, request, record, today));
                }
            }
            ranked.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
                : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName
                : a.PartnerId.CompareTo(b.PartnerId));
            return new MatchResult(lacking.Select(n => n.Capability).ToList(), ranked.Take(request.Limit).ToList());
        }
        finally
        {
            foreach (var slot in touched)
            {
                masks[slot] = 0;
            }
            ArrayPool<ulong>.Shared.Return(masks);
        }
    }

    private static int CoverageKey(ulong mask, ulong mustBits) =>
        BitOperations.PopCount(mask & mustBits) * (MaxNeeds + 1) + BitOperations.PopCount(mask & ~mustBits);

    private static int CoverageThreshold(List<(int Slot, int Coverage)> eligible, int limit)
    {
        var counts = new SortedDictionary<int, int>(Comparer<int>.Create(static (a, b) => b.CompareTo(a)));
        foreach (var (_, coverage) in eligible)
        {
            counts[coverage] = counts.GetValueOrDefault(coverage) + 1;
        }
        var kept = 0;
        foreach (var (coverage, count) in counts)
        {
            kept += count;
            if (kept >= limit)
            {
                return coverage;
            }
        }
        return int.MinValue;
    }

    private static RankedCandidate Score(IndexedPartner partner, ulong mask, List<Need> lacking, MatchRequest request, TrackRecord record, DateOnly today)
    {
        var coversMust = new List<string>();
        var coversNice = new List<string>();
        var levels = 0;
        var vendors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lacking.Count; i++)
        {
            if ((mask & (1UL << i)) == 0)
            {
                continue;
            }
            var code = lacking[i].Capability;
            (lacking[i].MustHave ? coversMust : coversNice).Add(code);
            levels += partner.LevelFor(code);
            if (partner.CertificationsByKey.TryGetValue(code, out var certifications))
            {
                foreach (var certification in certifications)
                {
                    if (certification.IsValidOn(today))
                    {
                        vendors.Add(certification.Vendor);
                    }
                }
            }
        }

        var parts = new List<ScorePart>(8)
        {
            new("coverage", coversMust.Count * MustHavePoints + coversNice.Count * NiceToHavePoints,
                "covers " + string.Join(", ", coversMust.Select(c => $"{c} (must-have)").Concat(coversNice.Select(c => $"{c} (nice-to-have)")))),
        };
        var covered = coversMust.Count + coversNice.Count;
        var averageLevel = (double)levels / covered;
        parts.Add(new("proficiency", Math.Round(averageLevel / 4 * 20, 1), $"{Proficiency.Name((int)Math.Round(averageLevel))} on average in what it covers"));
        if (vendors.Count > 0)
        {
            parts.Add(new("certifications", Math.Min(vendors.Count, 4) * 5,
                $"certified by {vendors.Count} vendor{(vendors.Count == 1 ? "" : "s")} ({string.Join(", ", vendors.Order(StringComparer.OrdinalIgnoreCase))})"));
        }
        if (request.Region is { } region && partner.Regions.Contains(region))
        {
            parts.Add(new("region", 10, $"operates in {region}"));
        }
        if (request.Vertical is { } vertical && partner.Verticals.Contains(vertical))
        {
            parts.Add(new("vertical", 10, $"serves {vertical}"));
        }
        if (partner.TierScore > 0)
        {
            parts.Add(new("tier", partner.TierScore, $"{partner.Tier} tier"));
        }
        AddTrackRecord(parts, record.For(partner.Id));
        if (record.WinsTogether(request.OwnerPartnerId, partner.Id) is var together and > 0)
        {
            parts.Add(new("history", Math.Min(together, 3) * 3, $"won {together} deal{(together == 1 ? "" : "s")} with you"));
        }
        return new RankedCandidate(partner.Id, partner.Name, Math.Round(parts.Sum(p => p.Points), 1), coversMust, coversNice, parts);
    }

    private static void AddTrackRecord(List<ScorePart> parts, PartnerRecord record)
    {
        if (record.Invited == 0)
        {
            return;
        }
        var speed = record.MedianResponse switch
        {
            { TotalHours: <= 24 } => 4,
            { TotalHours: <= 72 } => 2,
            _ => 0,
        };
        var median = record.MedianResponse is { } m ? $", median {FormatDuration(m)}" : "";
        parts.Add(new("responsiveness", Math.Round(6.0 * record.Accepted / record.Invited + speed, 1),
            $"accepted {record.Accepted} of {record.Invited} invitations{median}"));
        if (record.Accepted > 0)
        {
            parts.Add(new("win rate", Math.Round(5.0 * Math.Min(1, (double)record.Wins / record.Accepted), 1),
                $"won {record.Wins} of {record.Accepted} deals it joined"));
        }
    }

    private static string FormatDuration(TimeSpan duration) => duration.TotalHours < 1
        ? $"{Math.Max(1, (int)duration.TotalMinutes)} min"
        : duration.TotalHours < 48 ? $"{(int)duration.TotalHours} h" : $"{(int)duration.TotalDays} days".ToString(CultureInfo.InvariantCulture);
}
