using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model;

/// <summary>A partner organisation as stored: its profile, whether it takes part, and the version every change increments.</summary>
public sealed record Partner
{
    public required Guid Id { get; init; }
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
    public IReadOnlyList<string> ProgramMemberships { get; init; } = [];
    /// <summary>The partner's tier in a program where it differs from <see cref="Tier"/>, by vendor.</summary>
    public IReadOnlyDictionary<string, string> ProgramTiers { get; init; } = new Dictionary<string, string>();
    /// <summary>What the profile claims that a vendor must attest, each with its attestation state.</summary>
    public IReadOnlyList<PartnerClaim> Claims { get; init; } = [];
    public required bool Active { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <param name="profile">A profile that passed <see cref="PartnerProfile.Validate"/>.</param>
    public static Partner Register(Guid id, PartnerProfile profile, DateTimeOffset now) =>
        From(profile, id, active: true, version: 1, now, now).WithClaimsDerived([], now);

    /// <summary>
    /// The revised profile claims anew what changed: a claim whose content is unchanged keeps its attestation (or
    /// rejection); a changed or new one is pending until its vendor decides again.
    /// </summary>
    /// <param name="profile">A profile that passed <see cref="PartnerProfile.Validate"/>.</param>
    public Partner Revise(PartnerProfile profile, DateTimeOffset now) =>
        From(profile, Id, Active, Version + 1, CreatedAt, now).WithClaimsDerived(Claims, now);

    public Partner Deactivate(DateTimeOffset now) => this with { Active = false, Version = Version + 1, UpdatedAt = now };

    /// <summary>The partner's tier in a vendor's program, as it claims it.</summary>
    public string TierIn(string vendor) => ProgramTiers.GetValueOrDefault(vendor, Tier);

    /// <summary>Every claim the profile makes, pending, in a stable order: memberships and tiers by vendor, then certifications.</summary>
    public IReadOnlyList<PartnerClaim> DeriveClaims(DateTimeOffset now) =>
        ProgramMemberships.SelectMany(vendor => new[] { PartnerClaim.Membership(Id, vendor, now), PartnerClaim.TierIn(Id, vendor, TierIn(vendor), now) })
            .Concat(Certifications.Select(c => PartnerClaim.For(Id, c, now)))
            .DistinctBy(c => c.Id)
            .ToList();

    /// <summary>The claims derived from the profile, each keeping what it had among <paramref name="previous"/> when its content is the same.</summary>
    public Partner WithClaimsDerived(IReadOnlyList<PartnerClaim> previous, DateTimeOffset now)
    {
        var before = previous.ToDictionary(c => c.Id);
        return this with { Claims = DeriveClaims(now).Select(c => before.GetValueOrDefault(c.Id) ?? c).ToList() };
    }

    /// <summary>
    /// The vendor <paramref name="vendorId"/> attests (or rejects, with a reason) one of the partner's claims. Only the
    /// vendor a claim is addressed to decides it; deciding it the way it is already decided changes nothing; a vendor may
    /// change its mind (revoke an attestation, attest after a rejection), and every decision is kept in the history.
    /// </summary>
    public ClaimDecisionResult Decide(Guid claimId, string vendorId, bool attest, string? reason, string decidedBy, DateTimeOffset now)
    {
        var claim = Claims.FirstOrDefault(c => c.Id == claimId);
        if (claim is null)
        {
            return new(ClaimDecisionOutcome.NotFound, this, null, null);
        }
        if (claim.Vendor != vendorId)
        {
            return new(ClaimDecisionOutcome.NotAddressed, this, claim, null);
        }
        if (!Active)
        {
            return new(ClaimDecisionOutcome.Inactive, this, claim, null);
        }
        var outcome = attest ? ClaimStates.Attested : ClaimStates.Rejected;
        if (claim.State == outcome)
        {
            return new(ClaimDecisionOutcome.Unchanged, this, claim, null);
        }
        var decided = claim with { State = outcome, Decision = new ClaimDecision(outcome, decidedBy, attest ? null : reason, now) };
        var changed = this with
        {
            Claims = Claims.Select(c => c.Id == claimId ? decided : c).ToList(),
            Version = Version + 1,
            UpdatedAt = now,
        };
        return new(ClaimDecisionOutcome.Decided, changed, decided,
            new ClaimHistoryEntry(Id, claimId, claim.Kind, claim.Vendor, outcome, decided.Decision.Reason, decidedBy, now, changed.Version));
    }

    /// <summary>Programs whose vendor attested the membership.</summary>
    public IReadOnlyList<string> AttestedMemberships() =>
        ProgramMemberships.Where(vendor => IsAttested(PartnerClaim.MembershipClaimId(Id, vendor))).ToList();

    /// <summary>The tier in each program whose vendor attested both the membership and the tier.</summary>
    public IReadOnlyDictionary<string, string> AttestedTiers() =>
        AttestedMemberships()
            .Where(vendor => IsAttested(PartnerClaim.TierClaimId(Id, vendor, TierIn(vendor))))
            .ToDictionary(vendor => vendor, TierIn, StringComparer.Ordinal);

    public bool IsAttested(CertificationSnapshot certification) => IsAttested(PartnerClaim.CertificationClaimId(Id, certification));

    private bool IsAttested(Guid claimId) => Claims.Any(c => c.Id == claimId && c.IsAttested);

    public PartnerSnapshot ToSnapshot() => new()
    {
        PartnerId = Id,
        Name = Name,
        PartnerFunction = PartnerFunction,
        Category = Category,
        Tier = Tier,
        ManagementMode = ManagementMode,
        Regions = Regions,
        Verticals = Verticals,
        Capabilities = Capabilities,
        Certifications = Certifications.Select(c => c with { Attested = IsAttested(c) }).ToList(),
        Specializations = Specializations,
        Solutions = Solutions,
        ProgramMemberships = ProgramMemberships,
        AttestedMemberships = AttestedMemberships(),
        AttestedTiers = AttestedTiers(),
        Active = Active,
        Version = Version,
    };

    // Lists of codes are stored as sets, sorted, so that two equal profiles are stored and published alike.
    private static Partner From(PartnerProfile profile, Guid id, bool active, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        Name = profile.Name!.Trim(),
        PartnerFunction = profile.PartnerFunction!,
        Category = profile.Category!,
        Tier = profile.Tier!,
        ManagementMode = profile.ManagementMode,
        Regions = SetOf(profile.Regions),
        Verticals = SetOf(profile.Verticals),
        Capabilities = profile.Capabilities!
            .Select(c => new AdvertisedCapability { Code = c!.Code!, Proficiency = c.Proficiency! })
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList(),
        Certifications = (profile.Certifications ?? []).Select(c => new CertificationSnapshot
        {
            Vendor = c!.Vendor!,
            Name = c.Name!.Trim(),
            Level = c.Level!.Trim(),
            IssuedOn = c.IssuedOn!.Value,
            ExpiresOn = c.ExpiresOn,
            Capabilities = SetOf(c.Capabilities),
        }).ToList(),
        Specializations = SetOf(profile.Specializations),
        Solutions = (profile.Solutions ?? []).Select(s => new SolutionSnapshot
        {
            Name = s!.Name!.Trim(),
            PlatformVendor = s.PlatformVendor!,
            Capabilities = SetOf(s.Capabilities),
            BlueprintId = s.BlueprintId,
        }).ToList(),
        ProgramMemberships = SetOf(profile.ProgramMemberships),
        // A program tier equal to the profile's tier says nothing more: kept only where it differs, so both ways of saying it store alike.
        ProgramTiers = (profile.ProgramTiers ?? new Dictionary<string, string?>())
            .Where(t => t.Value is not null && t.Value != profile.Tier)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal),
        Active = active,
        Version = version,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    private static IReadOnlyList<string> SetOf(IEnumerable<string?>? codes) =>
        (codes ?? []).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
