namespace EcosystemMarket.Brokering.Model;

public enum AllianceState
{
    Proposed,
    InForce,
    Ended,
}

/// <summary>Where a member stands: the proposer and those who accepted take part; a decline ends the proposal.</summary>
public enum MembershipStatus
{
    Pending,
    Accepted,
    Declined,
    Left,
}

/// <summary>What members see of each other's shared opportunities; each level shows what the one before does, and more.</summary>
public enum SharingLevel
{
    /// <summary>Industry, region and needs.</summary>
    Leads,

    /// <summary>Also value, currency, close date and status.</summary>
    Opportunities,

    /// <summary>Also: the owner invites an ally from the shared pipeline in one step.</summary>
    JointPursuit,
}

public static class SharingLevels
{
    private static readonly string[] All = ["leads", "opportunities", "joint-pursuit"];

    public static IReadOnlyList<string> Names => All;

    public static string Name(this SharingLevel level) => All[(int)level];

    public static SharingLevel? Parse(string? name) => Array.IndexOf(All, name) is var at and >= 0 ? (SharingLevel)at : null;
}

public sealed record AllianceMember(Guid PartnerId, MembershipStatus Status, DateTimeOffset? AnsweredAt)
{
    /// <summary>Takes part: proposed it or accepted, and has not left.</summary>
    public bool IsActive => Status == MembershipStatus.Accepted;
}

/// <summary>An opportunity a member shares with the alliance.</summary>
public sealed record SharedOpportunity(Guid OpportunityId, Guid OwnerPartnerId, DateTimeOffset SharedAt);

/// <summary>Two to ten partners who share pipeline within a scope, at a level.</summary>
public sealed record Alliance
{
    public const int MinMembers = 2;
    public const int MaxMembers = 10;
    public const int MaxNameLength = 120;

    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required Guid ProposedBy { get; init; }
    public required AllianceScope Scope { get; init; }
    public required SharingLevel Level { get; init; }
    public required AllianceState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many times the aggregate was saved: a save succeeds only from the version it read.</summary>
    public long Version { get; init; }
}
