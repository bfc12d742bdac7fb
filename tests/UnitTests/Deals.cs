using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>Opportunities and invitations in a given state, for the deal-rule tests.</summary>
internal static class Deals
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Opportunity Opportunity(OpportunityStatus status = OpportunityStatus.Open) => new()
    {
        Id = Guid.NewGuid(),
        OwnerPartnerId = Guid.NewGuid(),
        Customer = new Customer("Contoso", null),
        Industry = "retail",
        Region = "US",
        Size = "medium",
        Needs = [new CapabilityNeed { Capability = "security", MustHave = true }],
        EstimatedValue = 100_000m,
        Currency = "USD",
        CloseDate = null,
        Status = status,
        FinalValue = null,
        AutoInviteNextBest = false,
        CreatedAt = Now.AddDays(-7),
        UpdatedAt = Now.AddDays(-7),
    };

    public static Invitation Invitation(Opportunity opportunity, Guid invitee, InvitationStatus status = InvitationStatus.Pending, DateTimeOffset? acceptBy = null) => new()
    {
        Id = Guid.NewGuid(),
        OpportunityId = opportunity.Id,
        OwnerPartnerId = opportunity.OwnerPartnerId,
        InviteePartnerId = invitee,
        Role = "security",
        Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 5m },
        AcceptBy = acceptBy ?? Now.AddDays(7),
        Status = status,
        DeclineReason = status == InvitationStatus.Declined ? "busy" : null,
        CreatedAt = Now.AddDays(-1),
        RespondedAt = status == InvitationStatus.Pending ? null : Now.AddHours(-1),
    };
}
