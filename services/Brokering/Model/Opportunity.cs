using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

public sealed record Customer(string Name, string? Contact);

/// <summary>A deal an owner brings to the marketplace. The customer stays private to the owner and accepted invitees.</summary>
public sealed record Opportunity
{
    public required Guid Id { get; init; }
    public required Guid OwnerPartnerId { get; init; }

    /// <summary>The vendor whose partner program this opportunity belongs to, if any.</summary>
    public string? VendorId { get; init; }

    /// <summary>The vendor blueprint the opportunity is built around, if any: Matching favours the partners that deliver it.</summary>
    public Guid? BlueprintId { get; init; }

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
    public required bool AutoInviteNextBest { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was published (posted open, or its draft opened); null while a draft.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>
    /// How the vendor program managed the owner's category when it posted (<see cref="ProgramManagement"/>); null outside a
    /// program. Stamped once: a later change of the program's modes applies to new deals only.
    /// </summary>
    public string? OwnerManagementMode { get; init; }

    /// <summary>How many times the aggregate was saved: a save succeeds only from the version it read.</summary>
    public long Version { get; init; }

    /// <summary>The one answer to "may this partner act on this opportunity as its owner".</summary>
    public bool IsOwnedBy(Guid? partner) => partner == OwnerPartnerId;
}

public sealed record Invitation
{
    public required Guid Id { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public required string Role { get; init; }
    public required RewardTerms Reward { get; init; }
    public required DateTimeOffset AcceptBy { get; init; }
    public required InvitationStatus Status { get; init; }
    public required string? DeclineReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? RespondedAt { get; init; }

    /// <summary>When the program's SLA wants the invitee's answer by, if the vendor manages its category by SLA.</summary>
    public DateTimeOffset? SlaDueAt { get; init; }

    /// <summary>How the vendor program managed the invitee's category when it was invited; null outside a program.</summary>
    public string? ManagementMode { get; init; }
}

public static class InvitationOffers
{
    /// <summary>A new pending invitation on the owner's terms; the one place invitations are made, by hand or automatically.</summary>
    public static Invitation Offer(Opportunity opportunity, Guid invitee, string role, RewardTerms reward, DateTimeOffset acceptBy, DateTimeOffset now,
        Engagement? engagement = null) => new()
    {
        Id = Guid.CreateVersion7(),
        OpportunityId = opportunity.Id,
        OwnerPartnerId = opportunity.OwnerPartnerId,
        InviteePartnerId = invitee,
        Role = role,
        Reward = reward,
        AcceptBy = acceptBy,
        Status = InvitationStatus.Pending,
        DeclineReason = null,
        CreatedAt = now,
        RespondedAt = null,
        SlaDueAt = engagement?.SlaDueAt,
        ManagementMode = engagement?.Mode,
    };

    public static PartnerInvited Announcement(this Invitation invitation) => new()
    {
        InvitationId = invitation.Id,
        OpportunityId = invitation.OpportunityId,
        OwnerPartnerId = invitation.OwnerPartnerId,
        InviteePartnerId = invitation.InviteePartnerId,
        Role = invitation.Role,
        AcceptBy = invitation.AcceptBy,
        OccurredAt = invitation.CreatedAt,
    };
}

public static class OpportunityAnnouncements
{
    /// <summary>What the marketplace learns when an opportunity opens: never its customer.</summary>
    public static OpportunityPosted Posted(this Opportunity opportunity, DateTimeOffset now) => new()
    {
        OpportunityId = opportunity.Id,
        OwnerPartnerId = opportunity.OwnerPartnerId,
        VendorId = opportunity.VendorId,
        BlueprintId = opportunity.BlueprintId,
        Industry = opportunity.Industry,
        Region = opportunity.Region,
        Needs = opportunity.Needs,
        EstimatedValue = opportunity.EstimatedValue,
        Currency = opportunity.Currency,
        OccurredAt = now,
    };
}
