using EcosystemMarket.Contracts.Matching;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// Relationship health between partner pairs over a window, compared with the window before it so that a
/// vendor sees which relationships are rising or falling. Activity weighs wins above acceptances above
/// invitations; a change of more than a fifth either way counts as a trend. Deal-registration conflicts between
/// the two (overlap, poaching) are counted beside it: they are what a vendor looks for before a pair goes wrong.
/// </summary>
public static class RelationshipHealth
{
    public static IReadOnlyList<PairHealth> For(Guid partnerId, PartnerFacts facts, TimeSpan window, DateTimeOffset now)
    {
        var (invitations, wins, conflicts) = facts;
        var from = now - window;
        var previousFrom = from - window;
        // Each kind of fact grouped by counterpart in one pass: a hub partner has thousands of counterparts.
        var invitationsWith = invitations.ToLookup(f => f.OwnerPartnerId == partnerId ? f.InviteePartnerId : f.OwnerPartnerId);
        var winsWith = wins.ToLookup(w => w.OwnerPartnerId == partnerId ? w.PartnerId : w.OwnerPartnerId);
        var conflictsWith = conflicts.ToLookup(c => c.RegistrantPartnerId == partnerId ? c.CounterpartPartnerId : c.RegistrantPartnerId);
        var counterparts = invitationsWith.Select(g => g.Key).Concat(winsWith.Select(g => g.Key)).Concat(conflictsWith.Select(g => g.Key))
            .Where(c => c != partnerId)
            .Distinct();

        var pairs = new List<PairHealth>();
        foreach (var counterpart in counterparts)
        {
            var between = invitationsWith[counterpart].ToList();
            var wonTogether = winsWith[counterpart].ToList();
            var current = between.Where(f => InWindow(f.InvitedAt ?? f.RespondedAt, from, now)).ToList();
            var currentWins = wonTogether.Count(w => InWindow(w.WonAt, from, now));
            var currentConflicts = conflictsWith[counterpart].Count(c => InWindow(c.DetectedAt, from, now));
            if (current.Count == 0 && currentWins == 0 && currentConflicts == 0)
            {
                continue;
            }
            var previous = between.Where(f => InWindow(f.InvitedAt ?? f.RespondedAt, previousFrom, from)).ToList();
            var previousWins = wonTogether.Count(w => InWindow(w.WonAt, previousFrom, from));

            var responses = current.Select(f => f.ResponseTime).OfType<TimeSpan>().Order().ToList();
            var sent = current.Count(f => f.OwnerPartnerId == partnerId);
            var received = current.Count - sent;
            pairs.Add(new PairHealth(partnerId, counterpart, sent, received,
                current.Count(f => f.Outcome == InvitationOutcome.Accepted),
                current.Count(f => f.Outcome == InvitationOutcome.Declined),
                current.Count(f => f.Outcome == InvitationOutcome.Expired),
                responses.Count == 0 ? null : responses[responses.Count / 2],
                currentWins,
                currentConflicts,
                Reciprocal: sent > 0 && received > 0,
                TrendOf(Activity(current, currentWins), Activity(previous, previousWins))));
        }
        return pairs.OrderByDescending(p => p.WinsTogether).ThenByDescending(p => p.Accepted).ThenBy(p => p.CounterpartId).ToList();
    }

    public static Trend TrendOf(double current, double previous) =>
        current > previous * 1.2 ? Trend.Rising
        : current < previous * 0.8 ? Trend.Falling
        : Trend.Steady;

    private static double Activity(IReadOnlyList<InvitationFact> facts, int wins) =>
        facts.Count + 2 * facts.Count(f => f.Outcome == InvitationOutcome.Accepted) + 3 * wins;

    private static bool InWindow(DateTimeOffset? at, DateTimeOffset from, DateTimeOffset to) => at is { } time && time > from && time <= to;
}
