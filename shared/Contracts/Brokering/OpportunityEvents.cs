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

    /// <summary>The vendor whose partner program the opportunity belongs to, if any.</summary>
    public string? VendorId { get; init; }

    /// <summary>The vendor blueprint the opportunity is built around, if any.</summary>
    public Guid? BlueprintId { get; init; }
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

/// <summary>
/// The reward an owner offers an invitee: a referral fee or a revenue share (a percentage of the final
/// value) or a fixed fee (an amount in the deal's currency).
/// </summary>
public sealed record RewardTerms
{
    public const string ReferralFee = "referral-fee";
    public const string RevenueShare = "revenue-share";
    public const string FixedFee = "fixed-fee";

    public required string Kind { get; init; }
    public decimal? Percent { get; init; }
    public decimal? Amount { get; init; }
}

/// <summary>The terms a team member agreed to when it accepted its invitation.</summary>
public sealed record TeamMemberTerms
{
    public required Guid PartnerId { get; init; }
    public required string Role { get; init; }
    public required RewardTerms Reward { get; init; }

    /// <summary>How the deal's program managed the member when it was invited (<see cref="ManagementModes"/>); null outside a program and in older messages.</summary>
    public string? ManagementMode { get; init; }
}

public sealed record InvitationExpired
{
    public required Guid InvitationId { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required DateTimeOffset AcceptBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The opportunity ended without a win: lost to the competition, or withdrawn by its owner.</summary>
public sealed record OpportunityClosed
{
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required string Outcome { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A won deal was reversed (cancelled, refunded): rewards booked for it are clawed back.</summary>
public sealed record OpportunityReversed
{
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record OpportunityWon
{
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }

    /// <summary>
    /// The vendor whose program rewards this deal: the opportunity's own vendor, else the one the owner
    /// registered it with, if it did.
    /// </summary>
    public string? VendorId { get; init; }

    /// <summary>The owner's protected deal registration for this opportunity, which earns the program's lead-registration bonus.</summary>
    public Guid? DealRegistrationId { get; init; }

    public required decimal FinalValue { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<TeamMemberTerms> Team { get; init; }

    /// <summary>How the deal's program managed the owner when it posted (<see cref="ManagementModes"/>); null outside a program and in older messages.</summary>
    public string? OwnerManagementMode { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A partner registered a deal with a vendor and is protected as its first registrant until <see cref="ProtectedUntil"/>.</summary>
public sealed record DealRegistered
{
    public required Guid RegistrationId { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public Guid? OpportunityId { get; init; }
    public required DateTimeOffset ProtectedUntil { get; init; }
    public required string Hash { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// A registration collided with a protected one (same vendor, same customer, overlapping scope), or was made
/// by an invitee about a customer it learned of through an invitation (poaching). Flagged to the vendor.
/// </summary>
public sealed record DealConflictDetected
{
    public const string Overlap = "overlap";
    public const string Poaching = "poaching";

    public required Guid RegistrationId { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public Guid? ConflictsWithRegistrationId { get; init; }
    public Guid? ProtectedPartnerId { get; init; }

    /// <summary>With poaching: the partners whose opportunities showed the registrant this customer.</summary>
    public IReadOnlyList<Guid> PoachedFromPartnerIds { get; init; } = [];

    public required IReadOnlyList<string> Kinds { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The vendor confirmed a registration of its program: it keeps (or, from a conflict, gains) the vendor's backing.</summary>
public sealed record DealRegistrationApproved
{
    public required Guid RegistrationId { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The vendor refused a registration of its program: it protects nothing and earns no lead-registration bonus.</summary>
public sealed record DealRegistrationRejected
{
    public required Guid RegistrationId { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
