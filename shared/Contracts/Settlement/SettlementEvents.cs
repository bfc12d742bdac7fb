namespace EcosystemMarket.Contracts.V1;

/// <summary>A vendor approved paying a partner what its program owes it in one currency.</summary>
public sealed record PayoutApproved
{
    public required Guid PayoutId { get; init; }
    public required string VendorId { get; init; }
    public required Guid PartnerId { get; init; }
    public required decimal Amount { get; init; }
    public required string Currency { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
