using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model;

public sealed record Partner
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string PartnerFunction { get; init; }
    public required string Category { get; init; }
    public required string Tier { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }
    public required bool Active { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public PartnerSnapshot ToSnapshot() => new()
    {
        PartnerId = Id,
        Name = Name,
        PartnerFunction = PartnerFunction,
        Category = Category,
        Tier = Tier,
        Regions = Regions,
        Capabilities = Capabilities.Select(c => new AdvertisedCapability { Code = c, Proficiency = "intermediate" }).ToList(),
        Active = Active,
        Version = Version,
    };
}
