using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// A partner as the directory describes it to Brokering: its name, whether it is active, what it advertises, and its
/// category (its kind within its function, e.g. <c>isv</c>), which a vendor program's management mode is chosen by.
/// </summary>
public sealed record DirectoryProfile(Guid PartnerId, string Name, bool Active, IReadOnlyList<string> Capabilities, string? Category = null);

/// <summary>An ally that could join a shared opportunity: it covers needs the owner lacks and is not on the team yet.</summary>
public sealed record AllianceDifference(Guid PartnerId, string Name, IReadOnlyList<string> Covers);

/// <summary>
/// One shared opportunity as a member sees it at the alliance's level: leads show industry, region and needs;
/// opportunities add value, currency, close date and status. The customer shows only to the team (as for
/// invitations). <see cref="Differences"/> are the allies that cover what the owner lacks, while the deal is live.
/// </summary>
public sealed record AlliancePipelineEntry(
    Guid OpportunityId, Guid OwnerPartnerId, string OwnerName, DateTimeOffset SharedAt, string Industry, string Region,
    IReadOnlyList<CapabilityNeed> Needs, decimal? EstimatedValue, string? Currency, DateOnly? CloseDate, OpportunityStatus? Status,
    Customer? Customer, bool CustomerVisible, IReadOnlyList<Guid> AlliesOnTeam, IReadOnlyList<AllianceDifference> Differences, bool CanInviteAllies)
{
    public static AlliancePipelineEntry Of(
        Alliance alliance, SharedOpportunity shared, Opportunity opportunity, OpportunityTeam team, IReadOnlyList<Guid> members,
        IReadOnlyDictionary<Guid, DirectoryProfile> profiles, Guid? caller)
    {
        var detailed = alliance.Level >= SharingLevel.Opportunities;
        var onTeam = team.Includes(caller);
        var differences = OpportunityLifecycle.IsLive(opportunity.Status)
            ? AllianceDifferences.Of(opportunity, team, members, profiles)
            : [];
        return new(opportunity.Id, opportunity.OwnerPartnerId, NameOf(profiles, opportunity.OwnerPartnerId), shared.SharedAt,
            opportunity.Industry, opportunity.Region, opportunity.Needs,
            detailed ? opportunity.EstimatedValue : null, detailed ? opportunity.Currency : null, detailed ? opportunity.CloseDate : null,
            detailed ? opportunity.Status : null,
            onTeam ? opportunity.Customer : null, onTeam, team.Members.Select(m => m.PartnerId).Where(members.Contains).ToList(), differences,
            alliance.Level == SharingLevel.JointPursuit && opportunity.IsOwnedBy(caller) && differences.Count > 0);
    }

    public static string NameOf(IReadOnlyDictionary<Guid, DirectoryProfile> profiles, Guid partner) =>
        profiles.TryGetValue(partner, out var profile) ? profile.Name : "(not in the directory)";
}

/// <summary>Where members' pipelines differ: for a shared opportunity, the allies off its team that cover a need its owner lacks.</summary>
public static class AllianceDifferences
{
    public static IReadOnlyList<AllianceDifference> Of(
        Opportunity opportunity, OpportunityTeam team, IReadOnlyList<Guid> members, IReadOnlyDictionary<Guid, DirectoryProfile> profiles)
    {
        var ownerBrings = profiles.TryGetValue(opportunity.OwnerPartnerId, out var owner) ? owner.Capabilities : [];
        var lacking = opportunity.Needs.Where(n => !AllianceScope.Answers(ownerBrings, n)).ToList();
        return members
            .Where(m => !team.Includes(m) && profiles.TryGetValue(m, out var p) && p.Active)
            .Select(m => new AllianceDifference(m, profiles[m].Name,
                lacking.Where(n => AllianceScope.Answers(profiles[m].Capabilities, n)).Select(n => n.Capability).ToList()))
            .Where(d => d.Covers.Count > 0)
            .OrderByDescending(d => d.Covers.Count).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>
/// What the alliance's sharing produced: opportunities shared, teamed (an ally other than the owner on the team), won, and
/// the value won per currency (never summed across currencies).
/// </summary>
public sealed record AllianceResults(int Shared, int Teamed, int Won, IReadOnlyDictionary<string, decimal> ValueWon)
{
    public static AllianceResults Of(IReadOnlyList<Guid> members, IEnumerable<(Opportunity Opportunity, OpportunityTeam Team)> shared)
    {
        var all = shared.ToList();
        var won = all.Where(s => s.Opportunity.Status == OpportunityStatus.Won).ToList();
        return new(all.Count,
            all.Count(s => s.Team.Members.Any(m => members.Contains(m.PartnerId))),
            won.Count,
            won.GroupBy(s => s.Opportunity.Currency, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(s => s.Opportunity.FinalValue ?? s.Opportunity.EstimatedValue), StringComparer.Ordinal));
    }
}
