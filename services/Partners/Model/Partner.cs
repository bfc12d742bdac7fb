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
    public required bool Active { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <param name="profile">A profile that passed <see cref="PartnerProfile.Validate"/>.</param>
    public static Partner Register(Guid id, PartnerProfile profile, DateTimeOffset now) => From(profile, id, active: true, version: 1, now, now);

    /// <param name="profile">A profile that passed <see cref="PartnerProfile.Validate"/>.</param>
    public Partner Revise(PartnerProfile profile, DateTimeOffset now) => From(profile, Id, Active, Version + 1, CreatedAt, now);

    public Partner Deactivate(DateTimeOffset now) => this with { Active = false, Version = Version + 1, UpdatedAt = now };

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
        Certifications = Certifications,
        Specializations = Specializations,
        Solutions = Solutions,
        ProgramMemberships = ProgramMemberships,
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
        }).ToList(),
        ProgramMemberships = SetOf(profile.ProgramMemberships),
        Active = active,
        Version = version,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    private static IReadOnlyList<string> SetOf(IEnumerable<string?>? codes) =>
        (codes ?? []).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
