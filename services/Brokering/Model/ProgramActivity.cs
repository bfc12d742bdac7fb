using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults;

namespace EcosystemMarket.Brokering.Model;

/// <summary>An opportunity posted in the period, as the figures need it; matched when Matching suggested a partner for it.</summary>
public sealed record PostedOpportunity(Guid Id, OpportunityStatus Status, string Currency, decimal EstimatedValue, decimal? FinalValue, DateTimeOffset PostedAt,
    bool Matched = false, Guid? BlueprintId = null);

/// <summary>An invitation to one of the period's opportunities, as the figures need it.</summary>
public sealed record InvitationOutcome(Guid OpportunityId, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

public sealed record RegistrationCounts(long Registered, long Protected, long Overlaps, long Poaching);

/// <summary>
/// A program's brokering figures for a period, from its opportunities, their invitations and its deal registrations.
/// The same definitions as Brokering's telemetry: response time runs from invitation to acceptance or decline (an
/// expired invitation has no response), time to team from publication to the first acceptance.
/// </summary>
public static class ProgramActivity
{
    public static OpportunityFigures Of(string? vendor, ReportingPeriod period, IReadOnlyList<PostedOpportunity> opportunities,
        IReadOnlyList<InvitationOutcome> invitations, RegistrationCounts registrations)
    {
        var postedAt = opportunities.ToDictionary(o => o.Id, o => o.PostedAt);
        var timesToTeam = invitations
            .Where(i => i.Status == InvitationStatus.Accepted && i.RespondedAt is not null && postedAt.ContainsKey(i.OpportunityId))
            .GroupBy(i => i.OpportunityId)
            .Select(g => g.Min(i => i.RespondedAt!.Value) - postedAt[g.Key])
            .ToList();
        return new OpportunityFigures
        {
            Vendor = vendor,
            From = period.From,
            To = period.To,
            Posted = opportunities.Count,
            PostedValue = ByCurrency(opportunities, o => o.EstimatedValue),
            Matched = opportunities.LongCount(o => o.Matched),
            MatchRate = Rate(opportunities.LongCount(o => o.Matched), opportunities.Count),
            Invitations = InvitationsOf(invitations),
            Teamed = timesToTeam.Count,
            MedianTimeToTeam = Median(timesToTeam),
            Outcomes = OutcomesOf(opportunities),
            DealRegistrations = new DealRegistrationFigures
            {
                Registered = registrations.Registered,
                Protected = registrations.Protected,
                Conflicts = [new GroupCount(DealConflictDetected.Overlap, registrations.Overlaps), new GroupCount(DealConflictDetected.Poaching, registrations.Poaching)],
            },
            Blueprints = BlueprintsOf(opportunities),
        };
    }

    private static IReadOnlyList<BlueprintPipeline> BlueprintsOf(IReadOnlyList<PostedOpportunity> opportunities) =>
        opportunities.Where(o => o.BlueprintId is not null)
            .GroupBy(o => o.BlueprintId!.Value)
            .Select(g =>
            {
                var won = g.Where(o => o.Status == OpportunityStatus.Won).ToList();
                return new BlueprintPipeline(g.Key, g.LongCount(), g.LongCount(o => o.Status is OpportunityStatus.Open or OpportunityStatus.Teaming), won.Count,
                    ByCurrency(g, o => o.EstimatedValue), ByCurrency(won, o => o.FinalValue ?? o.EstimatedValue));
            })
            .OrderByDescending(b => b.Posted).ThenBy(b => b.BlueprintId)
            .ToList();

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static TimeSpan? Median(IReadOnlyCollection<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : sorted[middle - 1] + (sorted[middle] - sorted[middle - 1]) / 2;
    }

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>; null when there is no whole.</summary>
    public static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static InvitationFigures InvitationsOf(IReadOnlyList<InvitationOutcome> invitations)
    {
        long Count(InvitationStatus status) => invitations.LongCount(i => i.Status == status);
        var (accepted, declined, expired) = (Count(InvitationStatus.Accepted), Count(InvitationStatus.Declined), Count(InvitationStatus.Expired));
        return new InvitationFigures
        {
            Sent = invitations.Count,
            Accepted = accepted,
            Declined = declined,
            Expired = expired,
            Pending = Count(InvitationStatus.Pending),
            AcceptanceRate = Rate(accepted, accepted + declined + expired),
            MedianResponseTime = Median(invitations
                .Where(i => i.Status is InvitationStatus.Accepted or InvitationStatus.Declined && i.RespondedAt is not null)
                .Select(i => i.RespondedAt!.Value - i.CreatedAt)
                .ToList()),
        };
    }

    private static OutcomeFigures OutcomesOf(IReadOnlyList<PostedOpportunity> opportunities)
    {
        var won = opportunities.Where(o => o.Status == OpportunityStatus.Won).ToList();
        var lost = opportunities.Where(o => o.Status == OpportunityStatus.Lost).ToList();
        return new OutcomeFigures
        {
            Won = won.Count,
            Lost = lost.Count,
            Withdrawn = opportunities.LongCount(o => o.Status == OpportunityStatus.Withdrawn),
            Reversed = opportunities.LongCount(o => o.Status == OpportunityStatus.Reversed),
            WonValue = ByCurrency(won, o => o.FinalValue ?? o.EstimatedValue),
            LostValue = ByCurrency(lost, o => o.EstimatedValue),
            WinRate = Rate(won.Count, won.Count + lost.Count),
        };
    }

    private static IReadOnlyList<CurrencyTotal> ByCurrency(IEnumerable<PostedOpportunity> opportunities, Func<PostedOpportunity, decimal> value) =>
        opportunities.GroupBy(o => o.Currency)
            .Select(g => new CurrencyTotal(g.Key, g.LongCount(), g.Sum(value)))
            .OrderBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();
}
