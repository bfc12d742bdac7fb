namespace EcosystemMarket.Portal.Profile;

// What the portal reads from and sends to the Partners and Brokering APIs for the profile area, as those APIs name it.

public sealed record PartnerJson(
    Guid Id, string Name, string PartnerFunction, string Category, string Tier, string? ManagementMode,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Verticals, IReadOnlyList<CapabilityJson> Capabilities,
    IReadOnlyList<CertificationJson> Certifications, IReadOnlyList<string> Specializations, IReadOnlyList<SolutionJson> Solutions,
    IReadOnlyList<string> ProgramMemberships, IReadOnlyDictionary<string, string> ProgramTiers, IReadOnlyList<ClaimJson> Claims,
    CompletenessJson? Completeness, bool Active, DateTimeOffset UpdatedAt);

public sealed record CapabilityJson(string Code, string Proficiency, EvidenceJson? Evidence);

public sealed record EvidenceJson(IReadOnlyList<string> Certifications, IReadOnlyList<string> Solutions);

public sealed record CertificationJson(string Vendor, string Name, string Level, DateOnly IssuedOn, DateOnly? ExpiresOn,
    IReadOnlyList<string> Capabilities, bool Valid, bool Attested);

public sealed record SolutionJson(string Name, string PlatformVendor, IReadOnlyList<string> Capabilities, Guid? BlueprintId = null);

public sealed record ClaimJson(Guid Id, string Kind, string Vendor, string? Tier, ClaimedCertificationJson? Certification, string State,
    DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt, string? Reason);

public sealed record ClaimedCertificationJson(string Name, string Level);

public sealed record CompletenessJson(int Percent, IReadOnlyList<string> Missing);

/// <summary>The profile as PUT and POST take it: the whole profile each time.</summary>
public sealed record ProfileRequest(
    string Name, string? PartnerFunction, string? Category, string? Tier, string? ManagementMode,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Verticals, IReadOnlyList<CapabilityInputJson> Capabilities,
    IReadOnlyList<CertificationInputJson> Certifications, IReadOnlyList<string> Specializations, IReadOnlyList<SolutionJson> Solutions,
    IReadOnlyList<string> ProgramMemberships, IReadOnlyDictionary<string, string> ProgramTiers);

public sealed record CapabilityInputJson(string Code, string? Proficiency);

public sealed record CertificationInputJson(string Vendor, string Name, string Level, DateOnly? IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string> Capabilities);

public sealed record TaxonomyJson(IReadOnlyList<FunctionJson> Functions, IReadOnlyList<string> Tiers, IReadOnlyList<string> Verticals,
    IReadOnlyList<string> Specializations, IReadOnlyList<string> Proficiencies, IReadOnlyList<string> ManagementModes);

public sealed record FunctionJson(string Name, IReadOnlyList<string> Categories);

public sealed record PageJson<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>An opportunity the partner was suggested for, as an invitee sees it before accepting: no customer.</summary>
public sealed record SuggestedJson(SuggestedOpportunityJson Opportunity, int Rank, double Score, IReadOnlyList<string> Reasons,
    DateTimeOffset SuggestedAt, bool Invited);

public sealed record SuggestedOpportunityJson(Guid Id, string Industry, string Region, string Size, IReadOnlyList<NeedJson> Needs,
    decimal EstimatedValue, string Currency, DateOnly? CloseDate, string Status);

public sealed record NeedJson(string Capability, bool MustHave);
