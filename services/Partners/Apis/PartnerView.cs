using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.Partners.Apis;

/// <summary>
/// A partner profile as read on a given day: each certification says whether it is valid that day, and each
/// capability lists its evidence, so an expired certification stops counting without anyone editing the profile;
/// <see cref="Completeness"/> says what the profile still lacks.
/// </summary>
public sealed record PartnerView(
    Guid Id,
    string Name,
    string PartnerFunction,
    string Category,
    string Tier,
    string? ManagementMode,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Verticals,
    IReadOnlyList<CapabilityView> Capabilities,
    IReadOnlyList<CertificationView> Certifications,
    IReadOnlyList<string> Specializations,
    IReadOnlyList<SolutionSnapshot> Solutions,
    IReadOnlyList<string> ProgramMemberships,
    IReadOnlyDictionary<string, string> ProgramTiers,
    IReadOnlyList<ClaimView> Claims,
    ProfileCompleteness Completeness,
    bool Active,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PartnerView Of(Partner p, DateOnly today) => new(
        p.Id, p.Name, p.PartnerFunction, p.Category, p.Tier, p.ManagementMode, p.Regions, p.Verticals,
        p.Capabilities.Select(c => new CapabilityView(c.Code, c.Proficiency, CapabilityEvidence.For(c.Code, p.Certifications, p.Solutions, today))).ToList(),
        p.Certifications.Select(c => new CertificationView(c.Vendor, c.Name, c.Level, c.IssuedOn, c.ExpiresOn, c.Capabilities, c.IsValidOn(today), p.IsAttested(c))).ToList(),
        p.Specializations, p.Solutions, p.ProgramMemberships, p.ProgramMemberships.ToDictionary(v => v, p.TierIn),
        p.Claims.Select(c => ClaimView.Of(p, c)).ToList(), ProfileCompleteness.Of(p, today), p.Active, p.Version, p.CreatedAt, p.UpdatedAt);
}

public sealed record CapabilityView(string Code, string Proficiency, CapabilityEvidence Evidence);

public sealed record CertificationView(string Vendor, string Name, string Level, DateOnly IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string> Capabilities, bool Valid, bool Attested);
