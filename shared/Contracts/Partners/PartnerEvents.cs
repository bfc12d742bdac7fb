namespace EcosystemMarket.Contracts.V1;

/// <summary>
/// Everything Matching needs about a partner, so that consumers never call back for details.
/// <see cref="Version"/> grows with every change; consumers keep the highest version they have seen,
/// which makes out-of-order and repeated deliveries harmless.
/// </summary>
public sealed record PartnerSnapshot
{
    public required Guid PartnerId { get; init; }
    public required string Name { get; init; }
    public required string PartnerFunction { get; init; }
    public required string Category { get; init; }
    public required string Tier { get; init; }
    public string? ManagementMode { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public IReadOnlyList<string> Verticals { get; init; } = [];
    public required IReadOnlyList<AdvertisedCapability> Capabilities { get; init; }
    public IReadOnlyList<CertificationSnapshot> Certifications { get; init; } = [];
    public IReadOnlyList<string> Specializations { get; init; } = [];
    public IReadOnlyList<SolutionSnapshot> Solutions { get; init; } = [];
    /// <summary>The programs the partner says it belongs to; only <see cref="AttestedMemberships"/> are confirmed by their vendor.</summary>
    public IReadOnlyList<string> ProgramMemberships { get; init; } = [];
    public IReadOnlyList<string> AttestedMemberships { get; init; } = [];
    /// <summary>Vendor → the partner's tier in that vendor's program, for the programs whose vendor attested membership and tier.</summary>
    public IReadOnlyDictionary<string, string> AttestedTiers { get; init; } = new Dictionary<string, string>();
    public required bool Active { get; init; }
    public required long Version { get; init; }
}

/// <summary>A capability a partner advertises, with how well it masters it (basic, intermediate, advanced, expert).</summary>
public sealed record AdvertisedCapability
{
    public required string Code { get; init; }
    public required string Proficiency { get; init; }
}

/// <summary>
/// A certification from a vendor. It counts only between its issue and expiry dates: consumers judge
/// validity against their own clock, so a certification stops counting without anyone touching the profile.
/// </summary>
public sealed record CertificationSnapshot
{
    public required string Vendor { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    /// <summary>True when its vendor attested it: only then does it earn anything (snapshots from before attestations read false).</summary>
    public bool Attested { get; init; }

    public bool IsValidOn(DateOnly day) => IssuedOn <= day && (ExpiresOn is null || day <= ExpiresOn);
}

/// <summary>A repeatable solution: a blueprint covering capabilities on a platform vendor's stack.</summary>
public sealed record SolutionSnapshot
{
    public required string Name { get; init; }
    public required string PlatformVendor { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }

    /// <summary>The vendor blueprint this solution adopts (delivers), if it adopts one.</summary>
    public Guid? BlueprintId { get; init; }
}

public sealed record PartnerRegistered
{
    public required PartnerSnapshot Partner { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record PartnerProfileUpdated
{
    public required PartnerSnapshot Partner { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The partner no longer takes part; its profile stays, for history and for reactivation.</summary>
public sealed record PartnerDeactivated
{
    public required PartnerSnapshot Partner { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
