using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// Ranks partners by how much of what the owner lacks they cover, then by how well. The score is
/// lexicographic by construction: each covered must-have is worth 1,000 points, each nice-to-have 100, and
/// everything else together (proficiency, valid certifications, region and vertical fit, tier, track record,
/// history with this owner, delivering the opportunity's blueprint) stays below 100, so quality only orders partners that cover the same needs.
/// A partner covering none of the owner's gaps brings only what the owner brings (a competitor) or nothing
/// relevant, and never appears; neither do the owner, inactive partners or partners the owner excluded.
/// </summary>
    /// <remarks>
/// A broad need (<c>storage</c>) is covered by half the ecosystem, so a query must not cost anything per
/// candidate beyond reading arrays. It goes in steps, each looking at fewer partners:
/// 1. find the partners covering every lacking need by intersecting the posting lists from the shortest; when
///    fewer than the limit do, walk every list instead, gathering per slot which needs it covers; either way with
///    its levels and how many vendors certify it there;
/// 2. keep only the best coverages that fill the list (a histogram of coverages, no sorting);
/// 3. bound each remaining score from those arrays: exactly what they tell (coverage, proficiency, region,
///    vertical, tier), plus at most what certificates (if any), a track record (if the partner may have
///    one) and wins with this owner (if any) can add;
/// 4. score exactly, best bound first, only while a bound can still beat the last of the best so far
///    (the track record first: certificates are the costliest part to check);
/// 5. explain only the partners that are returned.
/// </remarks>
public static class ComplementRanker
{
    public const int MaxNeeds = 64;
    public const double MustHavePoints = 1000;
    public const double NiceToHavePoints = 100;

    // Responsiveness (6 for acceptance, 4 for speed) and win rate; wins with the owner; at most.
    private const double MaxTrackRecordPoints = 10 + 5;
    private const double MaxHistoryPoints = 9;

    // Scores are rounded to a tenth; bounds keep that much slack and more for floating-point sums.
    private const double Slack = 0.11;

    private const int Buckets = 64;

    private static readonly ConcurrentBag<Scratch> Scratches = [];

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
        var lacks = lacking.ConvertAll(n => n.Capability);
        if (request.Limit <= 0)
        {
            return new MatchResult(lacks, []);
        }

        ulong mustBits = 0;
        for (var i = 0; i < lacking.Count; i++)
        {
            mustBits |= lacking[i].MustHave ? 1UL << i : 0;
        }
        if (request.Allies is { Count: > 0 } && RankAllies(request, lacking, mustBits, index, record, today) is { Count: > 0 } allies)
        {
            // Allies are few: ranked on their own and put first, the top-k search below runs for the remaining places.
            var others = Rank(request with { Allies = null, Excluded = new HashSet<Guid>([.. request.Excluded, .. allies.Select(a => a.PartnerId)]),
                Limit = request.Limit - allies.Count }, index, record, today);
            return new MatchResult(lacks, [.. allies, .. others.Candidates]);
        }

        if (!Scratches.TryTake(out var scratch))
        {
            scratch = new Scratch();
        }
        // More candidates than slots cannot exist; a larger limit only means "all of them".
        var limit = Math.Max(1, Math.Min(request.Limit, index.SlotCount));
        scratch.EnsureCapacity(index.SlotCount, limit);
        var touched = -1;
        try
        {
            var query = new Query(request, lacking, mustBits, limit, index, index.InRegion(request.Region), index.InVertical(request.Vertical),
                index.Adopting(request.Blueprint), record, today);
            // Most queries have at least a list's worth of partners covering every need: then only they can make the
            // list (coverage outranks everything else), and intersecting the posting lists from the shortest finds them
            // without walking the long ones. Otherwise every partner covering any need is gathered.
            touched = GatherCoveringAll(query, scratch);
            var eligible = Eligible(query, scratch, touched);
            if (eligible < request.Limit)
            {
                scratch.Clear(touched);
                touched = -1;
                touched = Gather(query, scratch);
                eligible = Eligible(query, scratch, touched);
            }
            MarkWonWith(query, scratch);
            var threshold = CoverageThreshold(scratch.Histogram, request.Limit);
            var bounded = Bound(query, scratch, eligible, threshold, out var floor);
            var best = ScoreBestFirst(query, scratch, bounded, floor);
            return new MatchResult(lacks, best.ConvertAll(c => Explain(query, c)));
        }
        finally
        {
            // A query that failed before it knew what it touched leaves its scratch to the garbage collector.
            if (touched >= 0)
            {
                scratch.Clear(touched);
                Scratches.Add(scratch);
            }
        }
    }

    /// <summary>
    /// The owner's allies that may be suggested (not the owner, active, not excluded) and complement it (cover a need it
    /// lacks: an ally bringing only what the owner brings is a competitor here too), scored as anyone else and explained
    /// first by the alliance. At most the request's limit, best first.
    /// </summary>
    private static List<RankedCandidate> RankAllies(MatchRequest request, List<Need> lacking, ulong mustBits, PartnerIndex.View index, TrackRecord record, DateOnly today)
    {
        var query = new Query(request, lacking, mustBits, request.Limit, index, index.InRegion(request.Region), index.InVertical(request.Vertical),
            index.Adopting(request.Blueprint), record, today);
        var wonWith = record.WonWith(request.OwnerPartnerId);
        var best = new BestOf(request.Limit);
        foreach (var ally in request.Allies!)
        {
            var slot = index.SlotOf(ally);
            if (slot < 0 || ally == request.OwnerPartnerId || !index.Active.Contains(slot) || request.Excluded.Contains(ally))
            {
                continue;
            }
            var partner = index[slot];
            var accumulator = new Accumulator { WonWith = wonWith.Contains(ally) };
            for (var i = 0; i < lacking.Count; i++)
            {
                if (partner.LevelFor(lacking[i].Capability) is var level and > 0)
                {
                    accumulator.Mask |= 1UL << i;
                    accumulator.Levels += level;
                    accumulator.Vendors += (ushort)partner.CertificationsFor(lacking[i].Capability).Length;
                }
            }
            if (accumulator.Mask != 0 && Score(query, new Bounded(slot, double.NegativeInfinity, double.PositiveInfinity), accumulator, best) is { } scored)
            {
                best.Offer(scored);
            }
        }
        return best.InRankOrder().ConvertAll(scored =>
        {
            var candidate = Explain(query, scored);
            return candidate with { Breakdown = [new ScorePart("alliance", 0, AllianceReason), .. candidate.Breakdown] };
        });
    }

    public const string AllianceReason = "In an alliance with you";

    /// <summary>
    /// Step 1 when it suffices: the partners covering every lacking need, found by walking the shortest posting list
    /// and galloping forward in the others; their accumulators are what <see cref="Gather"/> would make of them.
    /// </summary>
    private static int GatherCoveringAll(Query query, Scratch scratch)
    {
        var needs = query.Lacking.Count;
        var lists = scratch.Lists;
        for (var i = 0; i < needs; i++)
        {
            if (query.Index.PostingsOf(query.Lacking[i].Capability) is not { } postings)
            {
                return 0;
            }
            lists[i] = postings;
        }
        Array.Sort(lists, 0, needs, PostingList.ByLength);
        Span<int> cursors = stackalloc int[needs];
        cursors.Clear();
        var all = needs == 64 ? ulong.MaxValue : (1UL << needs) - 1;
        var shortest = lists[0];
        var slots = shortest.Slots;
        var entries = shortest.Entries;
        var count = 0;
        for (var p = 0; p < slots.Length; p++)
        {
            var slot = slots[p];
            var levels = entries[p] & 7;
            var vendors = entries[p] >> 3;
            var coversAll = true;
            for (var k = 1; k < needs && coversAll; k++)
            {
                var other = lists[k].Slots;
                var at = cursors[k] = Gallop(other, cursors[k], slot);
                if (at == other.Length)
                {
                    // This list has nothing at or beyond the slot: no later slot can cover every need.
                    Array.Clear(lists, 0, needs);
                    return count;
                }
                coversAll = other[at] == slot;
                if (coversAll)
                {
                    levels += lists[k].Entries[at] & 7;
                    vendors += lists[k].Entries[at] >> 3;
                }
            }
            if (coversAll)
            {
                scratch.Accumulators[slot] = new Accumulator { Mask = all, Levels = (ushort)levels, Vendors = (ushort)vendors };
                scratch.Touched[count++] = slot;
            }
        }
        Array.Clear(lists, 0, needs);
        return count;
    }

    /// <summary>The first position at or after <paramref name="from"/> holding a slot ≥ <paramref name="slot"/>: steps doubling, then halving.</summary>
    private static int Gallop(ReadOnlySpan<int> slots, int from, int slot)
    {
        if (from >= slots.Length || slots[from] >= slot)
        {
            return from;
        }
        var step = 1;
        while (from + step < slots.Length && slots[from + step] < slot)
        {
            from += step;
            step <<= 1;
        }
        // slots[from] < slot; the answer lies in (from, from + step].
        var (low, high) = (from + 1, Math.Min(from + step, slots.Length));
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (slots[middle] < slot)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Step 1: one pass over each lacking need's posting list.</summary>
    private static int Gather(Query query, Scratch scratch)
    {
        var accumulators = scratch.Accumulators;
        var touched = scratch.Touched;
        var count = 0;
        for (var i = 0; i < query.Lacking.Count; i++)
        {
            if (query.Index.PostingsOf(query.Lacking[i].Capability) is not { } postings)
            {
                continue;
            }
            var bit = 1UL << i;
            var slots = postings.Slots;
            var entries = postings.Entries;
            for (var p = 0; p < slots.Length; p++)
            {
                ref var accumulator = ref accumulators[slots[p]];
                if (accumulator.Mask == 0)
                {
                    touched[count++] = slots[p];
                }
                accumulator.Mask |= bit;
                accumulator.Levels += (ushort)(entries[p] & 7);
                accumulator.Vendors += (ushort)(entries[p] >> 3);
            }
        }
        return count;
    }

    /// <summary>Flags the gathered partners that won deals with the owner: only they can earn history points.</summary>
    private static void MarkWonWith(Query query, Scratch scratch)
    {
        foreach (var partner in query.Record.WonWith(query.Request.OwnerPartnerId))
        {
            if (query.Index.SlotOf(partner) is var slot and >= 0 && scratch.Accumulators[slot].Mask != 0)
            {
                scratch.Accumulators[slot].WonWith = true;
            }
        }
    }

    /// <summary>Drops the owner, inactive and excluded partners; counts the others by coverage.</summary>
    private static int Eligible(Query query, Scratch scratch, int touched)
    {
        var active = query.Index.Active;
        var ids = query.Index.Ids;
        var ownerSlot = query.Index.SlotOf(query.Request.OwnerPartnerId);
        var excluded = query.Request.Excluded.Count > 0 ? query.Request.Excluded : null;
        var histogram = scratch.Histogram;
        Array.Clear(histogram);
        var count = 0;
        for (var t = 0; t < touched; t++)
        {
            var slot = scratch.Touched[t];
            if (slot == ownerSlot || !active.Contains(slot) || excluded?.Contains(ids[slot]) == true)
            {
                continue;
            }
            histogram[CoverageKey(scratch.Accumulators[slot].Mask, query.MustBits)]++;
            scratch.Eligible[count++] = slot;
        }
        return count;
    }

    private static int CoverageKey(ulong mask, ulong mustBits) =>
        BitOperations.PopCount(mask & mustBits) * (MaxNeeds + 1) + BitOperations.PopCount(mask & ~mustBits);

    /// <summary>
    /// Step 2: only partners whose coverage can still reach the top <c>limit</c> are scored: keep the best
    /// coverages until they hold <c>limit</c> partners.
    /// </summary>
    private static int CoverageThreshold(int[] histogram, int limit)
    {
        var kept = 0;
        for (var coverage = histogram.Length - 1; coverage >= 0; coverage--)
        {
            kept += histogram[coverage];
            if (histogram[coverage] > 0 && kept >= limit)
            {
                return coverage;
            }
        }
        return int.MinValue;
    }

    /// <summary>
    /// Step 3: bounds every score from the arrays alone. <paramref name="floor"/> is the <c>limit</c>-th best
    /// lower bound: a partner whose upper bound falls below it cannot make the list.
    /// </summary>
    private static int Bound(Query query, Scratch scratch, int eligible, int threshold, out double floor)
    {
        var tierScores = query.Index.TierScores;
        var ids = query.Index.Ids;
        var (region, vertical, adopting) = (query.InRegion, query.InVertical, query.Adopting);
        var placePoints = (region is null ? 0 : RegionPoints) + (vertical is null ? 0 : VerticalPoints) + (adopting is null ? 0 : BlueprintPoints);
        var lowest = new LowestOf(scratch.Lowest, query.Limit);
        var count = 0;
        for (var e = 0; e < eligible; e++)
        {
            var slot = scratch.Eligible[e];
            ref readonly var accumulator = ref scratch.Accumulators[slot];
            var must = BitOperations.PopCount(accumulator.Mask & query.MustBits);
            var nice = BitOperations.PopCount(accumulator.Mask & ~query.MustBits);
            if (must * (MaxNeeds + 1) + nice < threshold)
            {
                continue;
            }
            // The floor only rises: a partner below it now stays below it, whatever else it could earn.
            // The cheapest parts first: the track record's filter, then region and vertical, only if they could matter.
            var floorNow = lowest.Full ? lowest.Min : double.NegativeInfinity;
            var intrinsic = CoveragePoints(must, nice) + ProficiencyPoints(accumulator.Levels, must + nice) + tierScores[slot];
            var extra = Slack + CertificationPoints(accumulator.Vendors) + (accumulator.WonWith ? MaxHistoryPoints : 0);
            if (intrinsic + extra + placePoints + MaxTrackRecordPoints < floorNow)
            {
                continue;
            }
            if (query.Record.MayHaveRecord(ids[slot]))
            {
                extra += MaxTrackRecordPoints;
            }
            if (intrinsic + extra + placePoints < floorNow)
            {
                continue;
            }
            var known = intrinsic
                + (region?.Contains(slot) == true ? RegionPoints : 0)
                + (vertical?.Contains(slot) == true ? VerticalPoints : 0)
                + (adopting?.Contains(slot) == true ? BlueprintPoints : 0);
            var upper = known + extra;
            if (upper < floorNow)
            {
                continue;
            }
            var lower = known - Slack;
            lowest.Offer(lower);
            if (upper >= lowest.Min || !lowest.Full)
            {
                scratch.Candidates[count++] = new Bounded(slot, lower, upper);
            }
        }
        floor = lowest.Full ? lowest.Min : double.NegativeInfinity;
        return count;
    }

    /// <summary>
    /// Step 4: exact scores, in falling order of upper bound (bucketed by whole points below the best bound),
    /// until no bound left can beat the worst of the best <c>limit</c>.
    /// </summary>
    private static List<Scored> ScoreBestFirst(Query query, Scratch scratch, int bounded, double floor)
    {
        var candidates = scratch.Candidates;
        var top = double.NegativeInfinity;
        for (var c = 0; c < bounded; c++)
        {
            top = Math.Max(top, candidates[c].Upper);
        }

        Span<int> starts = stackalloc int[Buckets + 1];
        starts.Clear();
        var kept = 0;
        for (var c = 0; c < bounded; c++)
        {
            if (candidates[c].Upper >= floor)
            {
                starts[Bucket(top, candidates[c].Upper) + 1]++;
                candidates[kept++] = candidates[c];
            }
        }
        for (var b = 1; b <= Buckets; b++)
        {
            starts[b] += starts[b - 1];
        }
        Span<int> next = stackalloc int[Buckets];
        starts[..Buckets].CopyTo(next);
        var order = scratch.Order;
        for (var c = 0; c < kept; c++)
        {
            order[next[Bucket(top, candidates[c].Upper)]++] = c;
        }

        var best = new BestOf(query.Limit);
        for (var b = 0; b < Buckets; b++)
        {
            if (best.Full && top - b < best.Worst.Score)
            {
                break;
            }
            for (var o = starts[b]; o < starts[b + 1]; o++)
            {
                var candidate = candidates[order[o]];
                if (best.Full && candidate.Upper < best.Worst.Score)
                {
                    continue;
                }
                if (Score(query, candidate, scratch.Accumulators[candidate.Slot], best) is { } scored)
                {
                    best.Offer(scored);
                }
            }
        }
        return best.InRankOrder();
    }

    private static int Bucket(double top, double upper) => Math.Min(Buckets - 1, (int)(top - upper));

    /// <summary>
    /// The exact score, summed in the order <see cref="Explain"/> lists its parts; null when the track record
    /// alone shows it cannot beat the worst of the best so far, before the costlier look at certificates.
    /// </summary>
    private static Scored? Score(Query query, Bounded candidate, in Accumulator accumulator, BestOf best)
    {
        var (slot, id) = (candidate.Slot, query.Index.Ids[candidate.Slot]);
        var mayHaveRecord = query.Record.MayHaveRecord(id);
        var partnerRecord = mayHaveRecord ? query.Record.For(id) : PartnerRecord.None;
        var together = accumulator.WonWith ? query.Record.WinsTogether(query.Request.OwnerPartnerId, id) : 0;
        var (responsiveness, winRate, history) = (
            partnerRecord.Invited > 0 ? ResponsivenessPoints(partnerRecord) : 0,
            partnerRecord.Accepted > 0 ? WinRatePoints(partnerRecord) : 0,
            together > 0 ? HistoryPoints(together) : 0);
        var unknownBefore = (mayHaveRecord ? MaxTrackRecordPoints : 0) + (accumulator.WonWith ? MaxHistoryPoints : 0);
        if (best.Full && candidate.Upper - unknownBefore + responsiveness + winRate + history < best.Worst.Score)
        {
            return null;
        }

        var partner = query.Index[slot];
        var must = BitOperations.PopCount(accumulator.Mask & query.MustBits);
        var nice = BitOperations.PopCount(accumulator.Mask & ~query.MustBits);
        var points = 0.0;
        points += CoveragePoints(must, nice);
        points += ProficiencyPoints(accumulator.Levels, must + nice);
        if (accumulator.Vendors > 0 && ValidVendorCount(partner, accumulator.Mask, query) is var vendors and > 0)
        {
            points += CertificationPoints(vendors);
        }
        if (query.InRegion?.Contains(slot) == true)
        {
            points += RegionPoints;
        }
        if (query.InVertical?.Contains(slot) == true)
        {
            points += VerticalPoints;
        }
        if (query.Adopting?.Contains(slot) == true)
        {
            points += BlueprintPoints;
        }
        if (query.Index.TierScores[slot] is var tier and > 0)
        {
            points += tier;
        }
        if (partnerRecord.Invited > 0)
        {
            points += responsiveness;
            if (partnerRecord.Accepted > 0)
            {
                points += winRate;
            }
        }
        if (together > 0)
        {
            points += history;
        }
        return new Scored(partner, accumulator.Mask, Math.Round(points, 1), partnerRecord, together);
    }

    /// <summary>Distinct vendors with a valid certification for a covered need, counted up to the 4 that score.</summary>
    private static int ValidVendorCount(IndexedPartner partner, ulong mask, Query query)
    {
        var vendors = new FourVendors();
        for (var i = 0; i < query.Lacking.Count; i++)
        {
            if ((mask & (1UL << i)) == 0)
            {
                continue;
            }
            foreach (var certification in partner.CertificationsFor(query.Lacking[i].Capability))
            {
                if (certification.IsValidOn(query.Today) && vendors.Add(certification.Vendor) == 4)
                {
                    return 4;
                }
            }
        }
        return vendors.Count;
    }

    private struct FourVendors
    {
        private FourStrings _vendors;

        public int Count { readonly get; private set; }

        /// <returns>How many distinct vendors (ignoring case) are held after adding <paramref name="vendor"/>.</returns>
        public int Add(string vendor)
        {
            for (var i = 0; i < Count; i++)
            {
                if (string.Equals(_vendors[i], vendor, StringComparison.OrdinalIgnoreCase))
                {
                    return Count;
                }
            }
            _vendors[Count] = vendor;
            return ++Count;
        }

        [System.Runtime.CompilerServices.InlineArray(4)]
        private struct FourStrings
        {
            private string _element;
        }
    }

    /// <summary>Step 5: the parts of a returned partner's score, each with the sentence a UI shows for it.</summary>
    private static RankedCandidate Explain(Query query, Scored scored)
    {
        var (partner, mask, request) = (scored.Partner, scored.Mask, query.Request);
        var coversMust = new List<string>();
        var coversNice = new List<string>();
        var levels = 0;
        var vendors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < query.Lacking.Count; i++)
        {
            if ((mask & (1UL << i)) == 0)
            {
                continue;
            }
            var code = query.Lacking[i].Capability;
            (query.Lacking[i].MustHave ? coversMust : coversNice).Add(code);
            levels += partner.LevelFor(code);
            foreach (var certification in partner.CertificationsFor(code))
            {
                if (certification.IsValidOn(query.Today))
                {
                    vendors.Add(certification.Vendor);
                }
            }
        }

        var parts = new List<ScorePart>(8)
        {
            new("coverage", CoveragePoints(coversMust.Count, coversNice.Count),
                "covers " + string.Join(", ", coversMust.Select(c => $"{c} (must-have)").Concat(coversNice.Select(c => $"{c} (nice-to-have)")))),
        };
        var covered = coversMust.Count + coversNice.Count;
        var averageLevel = (double)levels / covered;
        parts.Add(new("proficiency", ProficiencyPoints(levels, covered), $"{Proficiency.Name((int)Math.Round(averageLevel))} on average in what it covers"));
        if (vendors.Count > 0)
        {
            parts.Add(new("certifications", CertificationPoints(vendors.Count),
                $"certified by {vendors.Count} vendor{(vendors.Count == 1 ? "" : "s")} ({string.Join(", ", vendors.Order(StringComparer.OrdinalIgnoreCase))})"));
        }
        if (request.Region is { } region && partner.Regions.Contains(region))
        {
            parts.Add(new("region", RegionPoints, $"operates in {region}"));
        }
        if (request.Vertical is { } vertical && partner.Verticals.Contains(vertical))
        {
            parts.Add(new("vertical", VerticalPoints, $"serves {vertical}"));
        }
        if (request.Blueprint is { } blueprint && partner.Blueprints.Contains(IndexedPartner.BlueprintKey(blueprint)))
        {
            parts.Add(new("blueprint", BlueprintPoints, "delivers the blueprint this opportunity is built around"));
        }
        if (partner.TierScore > 0)
        {
            parts.Add(new("tier", partner.TierScore, $"{partner.Tier} tier"));
        }
        AddTrackRecord(parts, scored.Record);
        if (scored.Together is var together and > 0)
        {
            parts.Add(new("history", HistoryPoints(together), $"won {together} deal{(together == 1 ? "" : "s")} with you"));
        }
        var score = Math.Round(parts.Sum(p => p.Points), 1);
        Debug.Assert(score == scored.Score, $"explained score {score} differs from ranked score {scored.Score} for {partner.Id}");
        return new RankedCandidate(partner.Id, partner.Name, score, coversMust, coversNice, parts);
    }

    private static void AddTrackRecord(List<ScorePart> parts, PartnerRecord record)
    {
        if (record.Invited == 0)
        {
            return;
        }
        var median = record.MedianResponse is { } m ? $", median {FormatDuration(m)}" : "";
        parts.Add(new("responsiveness", ResponsivenessPoints(record), $"accepted {record.Accepted} of {record.Invited} invitations{median}"));
        if (record.Accepted > 0)
        {
            parts.Add(new("win rate", WinRatePoints(record), $"won {record.Wins} of {record.Accepted} deals it joined"));
        }
    }

    private const double RegionPoints = 10;
    private const double VerticalPoints = 10;

    // Delivering the opportunity's blueprint: the most the qualities can add together stays at 99 (proficiency 20,
    // certifications 20, region 10, vertical 10, tier 10, track record 15, history 9, blueprint 5), below one
    // nice-to-have, so coverage still comes first; the blueprint's needs are what the partners are ranked by.
    private const double BlueprintPoints = 5;

    private static double CoveragePoints(int must, int nice) => must * MustHavePoints + nice * NiceToHavePoints;

    private static double ProficiencyPoints(int levels, int covered) =>
        covered <= TabulatedNeeds ? ProficiencyTable[covered][levels] : RoundedProficiency(levels, covered);

    private static double RoundedProficiency(int levels, int covered) => Math.Round((double)levels / covered / 4 * 20, 1);

    // Math.Round(x, 1) costs as much as the rest of a bound: the values for up to 16 covered needs are tabulated.
    private const int TabulatedNeeds = 16;

    private static readonly double[][] ProficiencyTable = [.. Enumerable.Range(0, TabulatedNeeds + 1)
        .Select(covered => Enumerable.Range(0, 4 * covered + 1).Select(levels => covered == 0 ? 0 : RoundedProficiency(levels, covered)).ToArray())];

    private static double CertificationPoints(int vendors) => Math.Min(vendors, 4) * 5;

    private static double ResponsivenessPoints(PartnerRecord record)
    {
        var speed = record.MedianResponse switch
        {
            { TotalHours: <= 24 } => 4,
            { TotalHours: <= 72 } => 2,
            _ => 0,
        };
        return Math.Round(6.0 * record.Accepted / record.Invited + speed, 1);
    }

    private static double WinRatePoints(PartnerRecord record) => Math.Round(5.0 * Math.Min(1, (double)record.Wins / record.Accepted), 1);

    private static double HistoryPoints(int together) => Math.Min(together, 3) * 3;

    private static string FormatDuration(TimeSpan duration) => duration.TotalHours < 1
        ? $"{Math.Max(1, (int)duration.TotalMinutes)} min"
        : duration.TotalHours < 48 ? $"{(int)duration.TotalHours} h" : $"{(int)duration.TotalDays} days".ToString(CultureInfo.InvariantCulture);

    private sealed record Query(
        MatchRequest Request, List<Need> Lacking, ulong MustBits, int Limit, PartnerIndex.View Index, SlotSet? InRegion, SlotSet? InVertical,
        SlotSet? Adopting, TrackRecord Record, DateOnly Today);

    /// <summary>What the posting lists say about one slot: the lacking needs it covers, their levels summed, certifying vendors summed.</summary>
    private struct Accumulator
    {
        public ulong Mask;
        public ushort Levels;
        public ushort Vendors;
        public bool WonWith;
    }

    private readonly record struct Bounded(int Slot, double Lower, double Upper);

    /// <remarks>
    /// Carries the track record the score was computed from: events update the record while queries run, and
    /// the explanation must describe the figures that ranked the partner, not newer ones.
    /// </remarks>
    private readonly record struct Scored(IndexedPartner Partner, ulong Mask, double Score, PartnerRecord Record, int Together);

    /// <summary>The order of the list: score, then name, then id, so equal scores rank the same on every replica.</summary>
    private static int Compare(in Scored a, in Scored b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
        : string.CompareOrdinal(a.Partner.Name, b.Partner.Name) is var byName and not 0 ? byName
        : a.Partner.Id.CompareTo(b.Partner.Id);

    /// <summary>The best <c>limit</c> scored partners so far, as a heap with the worst on top.</summary>
    private sealed class BestOf(int limit)
    {
        private readonly List<Scored> _heap = new(Math.Min(limit, 128));

        public bool Full => _heap.Count == limit;

        public Scored Worst => _heap[0];

        public void Offer(Scored candidate)
        {
            if (!Full)
            {
                _heap.Add(candidate);
                SiftUp(_heap.Count - 1);
            }
            else if (Compare(candidate, _heap[0]) < 0)
            {
                _heap[0] = candidate;
                SiftDown(0);
            }
        }

        public List<Scored> InRankOrder()
        {
            _heap.Sort(static (a, b) => Compare(a, b));
            return _heap;
        }

        // "Worse" ranks later: the heap keeps the latest-ranking candidate at the root.
        private bool Worse(int i, int j) => Compare(_heap[i], _heap[j]) > 0;

        private void SiftUp(int i)
        {
            while (i > 0 && Worse(i, (i - 1) / 2))
            {
                (_heap[i], _heap[(i - 1) / 2]) = (_heap[(i - 1) / 2], _heap[i]);
                i = (i - 1) / 2;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                var (left, worst) = (2 * i + 1, i);
                if (left < _heap.Count && Worse(left, worst))
                {
                    worst = left;
                }
                if (left + 1 < _heap.Count && Worse(left + 1, worst))
                {
                    worst = left + 1;
                }
                if (worst == i)
                {
                    return;
                }
                (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
                i = worst;
            }
        }
    }

    /// <summary>The <c>limit</c> highest values offered, as a min-heap over a scratch array.</summary>
    private ref struct LowestOf(double[] heap, int limit)
    {
        private int _count;

        public readonly bool Full => _count == limit;

        public readonly double Min => heap[0];

        public void Offer(double value)
        {
            if (_count < limit)
            {
                var i = _count++;
                heap[i] = value;
                while (i > 0 && heap[i] < heap[(i - 1) / 2])
                {
                    (heap[i], heap[(i - 1) / 2]) = (heap[(i - 1) / 2], heap[i]);
                    i = (i - 1) / 2;
                }
            }
            else if (value > heap[0])
            {
                heap[0] = value;
                for (var i = 0; ;)
                {
                    var (left, least) = (2 * i + 1, i);
                    if (left < _count && heap[left] < heap[least])
                    {
                        least = left;
                    }
                    if (left + 1 < _count && heap[left + 1] < heap[least])
                    {
                        least = left + 1;
                    }
                    if (least == i)
                    {
                        break;
                    }
                    (heap[i], heap[least]) = (heap[least], heap[i]);
                    i = least;
                }
            }
        }
    }

    /// <summary>
    /// Per-query working memory, reused across queries and never shared while in use. Accumulators are
    /// all zero between queries: each query clears exactly the slots it touched.
    /// </summary>
    private sealed class Scratch
    {
        public Accumulator[] Accumulators = [];
        public int[] Touched = [];
        public int[] Eligible = [];
        public Bounded[] Candidates = [];
        public int[] Order = [];
        public double[] Lowest = [];
        public readonly int[] Histogram = new int[(MaxNeeds + 1) * (MaxNeeds + 1)];
        public readonly PostingList[] Lists = new PostingList[MaxNeeds];

        public void EnsureCapacity(int slots, int limit)
        {
            if (Accumulators.Length < slots)
            {
                var capacity = Math.Max(slots, Accumulators.Length * 2);
                Accumulators = new Accumulator[capacity];
                Touched = new int[capacity];
                Eligible = new int[capacity];
                Candidates = new Bounded[capacity];
                Order = new int[capacity];
            }
            if (Lowest.Length < limit)
            {
                Lowest = new double[limit];
            }
        }

        public void Clear(int touched)
        {
            for (var t = 0; t < touched; t++)
            {
                Accumulators[Touched[t]] = default;
            }
        }
    }
}
