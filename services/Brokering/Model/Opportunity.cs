using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

public sealed record Customer(string Name, string? Contact);

/// <summary>A deal an owner brings to the marketplace. The customer stays private to the owner and accepted invitees.</summary>
public sealed record Opportunity
{
    public required Guid Id { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Customer Customer { get; init; }
    public required string Industry { get; init; }
    public required string Region { get; init; }
    public required string Size { get; init; }
    public required IReadOnlyList<CapabilityNeed> Needs { get; init; }
    public required decimal EstimatedValue { get; init; }
    public required string Currency { get; init; }
    public required DateOnly? CloseDate { get; init; }
    public required OpportunityStatus Status { get; init; }
    public required decimal? FinalValue { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

public sealed record Invitation
{
    public required Guid Id { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required string Role { get; init; }
    public required decimal ReferralFeePercent { get; init; }
    public required DateTimeOffset AcceptBy { get; init; }
    public required InvitationStatus Status { get; init; }
    public required string? DeclineReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? RespondedAt { get; init; }
}
