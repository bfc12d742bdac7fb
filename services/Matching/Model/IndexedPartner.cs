namespace EcosystemMarket.Matching.Model;

/// <summary>What Matching knows of a partner: the matchable fields of its latest snapshot.</summary>
public sealed record IndexedPartner(
    Guid PartnerId,
    string Name,
    string Tier,
    IReadOnlySet<string> Regions,
    IReadOnlySet<string> Capabilities,
    bool Active);
