namespace EcosystemMarket.Partners.Model;

/// <summary>What a directory search filters on; a null filter matches every partner.</summary>
public sealed record PartnerQuery
{
    public string? PartnerFunction { get; init; }
    public string? Category { get; init; }
    public string? Tier { get; init; }
    public string? Region { get; init; }
    public string? Capability { get; init; }

    /// <summary>With descendants, <c>storage</c> also finds partners advertising <c>storage.backup</c>.</summary>
    public bool IncludeDescendants { get; init; } = true;

    /// <summary>Only certifications valid on the day of the search count.</summary>
    public string? CertificationVendor { get; init; }

    public string? NameContains { get; init; }
    public bool IncludeInactive { get; init; }
}
