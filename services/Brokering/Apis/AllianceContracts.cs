using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.OpenApi;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>What an alliance shares; each list empty (or left out) means any.</summary>
public sealed record AllianceScopeInput(IReadOnlyList<string>? Capabilities, IReadOnlyList<string>? Regions, IReadOnlyList<string>? VendorPrograms)
{
    public const int MaxItems = 50;

    public AllianceScope ToModel() => new(
        (Capabilities ?? []).Distinct(StringComparer.Ordinal).ToList(),
        (Regions ?? []).Distinct(StringComparer.Ordinal).ToList(),
        (VendorPrograms ?? []).Distinct(StringComparer.Ordinal).ToList());

    public void Validate(ValidationErrors errors)
    {
        Check(errors, "scope.capabilities", Capabilities, CodeFormats.IsCapability, "a lower-case capability code such as 'storage.backup'");
        Check(errors, "scope.regions", Regions, CodeFormats.IsRegion, "an ISO 3166-1 alpha-2 code such as 'US'");
        Check(errors, "scope.vendorPrograms", VendorPrograms, CodeFormats.IsVendor, "a vendor program (lower-case letters, digits and dashes)");
    }

    private static void Check(ValidationErrors errors, string field, IReadOnlyList<string>? values, Func<string?, bool> isValid, string what)
    {
        if (values is { Count: > MaxItems })
        {
            errors.Add(field, $"'{field}' lists at most {MaxItems} items.");
        }
        else if (values is not null && values.Any(v => !isValid(v)))
        {
            errors.Add(field, $"'{field}' must list only {what}; '{values.First(v => !isValid(v))}' is not one.");
        }
    }
}

/// <summary>A proposal: <see cref="Members"/> are the other partners asked to join (the proposer is a member by proposing).</summary>
[ValidationRequires(nameof(Name), nameof(Members), nameof(SharingLevel))]
[ClosedList(nameof(SharingLevel), typeof(SharingLevels), nameof(SharingLevels.Names))]
public sealed record ProposeAllianceRequest(string? Name, IReadOnlyList<Guid>? Members, AllianceScopeInput? Scope, string? SharingLevel)
{
    public ValidationErrors Validate(Guid proposer)
    {
        var errors = new ValidationErrors().RequireText("name", Name, Alliance.MaxNameLength);
        var others = (Members ?? []).Where(m => m != proposer).Distinct().Count();
        if (Members is null || Members.Contains(Guid.Empty) || others + 1 is < Alliance.MinMembers or > Alliance.MaxMembers)
        {
            errors.Add("members", $"'members' must name 1 to {Alliance.MaxMembers - 1} other partners: an alliance has {Alliance.MinMembers} to {Alliance.MaxMembers} members, you included.");
        }
        if (SharingLevels.Parse(SharingLevel) is null)
        {
            errors.Add("sharingLevel", $"'sharingLevel' must be one of: {string.Join(", ", SharingLevels.Names)}.");
        }
        Scope?.Validate(errors);
        return errors;
    }
}

[ValidationRequires(nameof(OpportunityId))]
public sealed record ShareOpportunityRequest(Guid? OpportunityId);

public sealed record AllianceMemberView(Guid PartnerId, string Name, MembershipStatus Status, DateTimeOffset? AnsweredAt);

/// <summary>An alliance as its members see it: who is in it, who has accepted, what it shares and how much.</summary>
public sealed record AllianceView(
    Guid Id, string Name, Guid ProposedBy, AllianceState State, string SharingLevel, AllianceScope Scope, IReadOnlyList<AllianceMemberView> Members,
    int SharedOpportunities, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AllianceView Of(AllianceAggregate aggregate, IReadOnlyDictionary<Guid, DirectoryProfile> profiles)
    {
        var a = aggregate.Alliance;
        return new(a.Id, a.Name, a.ProposedBy, a.State, a.Level.Name(), a.Scope,
            aggregate.Members.Select(m => new AllianceMemberView(m.PartnerId, AlliancePipelineEntry.NameOf(profiles, m.PartnerId), m.Status, m.AnsweredAt)).ToList(),
            aggregate.Shared.Count, a.CreatedAt, a.UpdatedAt);
    }
}

/// <summary>One of the caller's alliances in a list: its state and the caller's own answer.</summary>
public sealed record AllianceSummaryView(
    Guid Id, string Name, AllianceState State, string SharingLevel, MembershipStatus MyStatus, int Members, int Accepted, DateTimeOffset CreatedAt)
{
    public static AllianceSummaryView Of(AllianceAggregate aggregate, Guid caller) => new(
        aggregate.Alliance.Id, aggregate.Alliance.Name, aggregate.Alliance.State, aggregate.Alliance.Level.Name(), aggregate.Member(caller)!.Status,
        aggregate.Members.Count, aggregate.Members.Count(m => m.Status == MembershipStatus.Accepted), aggregate.Alliance.CreatedAt);
}

/// <summary>The alliances an opportunity is shared with.</summary>
public sealed record OpportunitySharingView(Guid OpportunityId, IReadOnlyList<Guid> AllianceIds);
