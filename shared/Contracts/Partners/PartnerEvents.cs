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
    public required IReadOnlyList<string> Regions { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }
    public required bool Active { get; init; }
    public required long Version { get; init; }
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
