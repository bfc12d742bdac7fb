namespace EcosystemMarket.Contracts.V1;

// Brokering's events never carry the customer's identity: only the owner and accepted invitees see it,
// and both read it from Brokering itself.

public sealed record CapabilityNeed
{
    public required string Capability { get; init; }
    public required bool MustHave { get; init; }
}

public sealed record OpportunityPosted
{
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required string Industry { get; init; }
    public required string Region { get; init; }
    public required IReadOnlyList<CapabilityNeed> Needs { get; init; }
    public required decimal EstimatedValue { get; init; }
    public required string Currency { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record PartnerInvited
{
    public required Guid InvitationId { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required string Role { get; init; }
    public required DateTimeOffset AcceptBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record InvitationAccepted
{
    public required Guid InvitationId { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record InvitationDeclined
{
    public required Guid InvitationId { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The terms a team member agreed to when it accepted its invitation.</summary>
public sealed record TeamMemberTerms
{
    public required Guid PartnerId { get; init; }
    public required string Role { get; init; }
    public required decimal ReferralFeePercent { get; init; }
}

public sealed record OpportunityWon
{
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required decimal FinalValue { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<TeamMemberTerms> Team { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
