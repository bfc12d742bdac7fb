namespace EcosystemMarket.Brokering.Model;

public sealed record TeamMember(Guid PartnerId, string Role, DateTimeOffset JoinedAt);

/// <summary>
/// Who works on an opportunity: its owner and the partners that accepted their invitations. The team is seen by its
/// own members only (the owner, an accepted invitee); a partner still deciding, or one that declined, does not learn who else joined.
/// </summary>
public sealed record OpportunityTeam(Guid OwnerPartnerId, IReadOnlyList<TeamMember> Members)
{
    public static OpportunityTeam Of(Opportunity opportunity, IEnumerable<Invitation> invitations) => new(
        opportunity.OwnerPartnerId,
        invitations.Where(i => i.Status == InvitationStatus.Accepted)
            .OrderBy(i => i.RespondedAt ?? i.CreatedAt)
            .Select(i => new TeamMember(i.InviteePartnerId, i.Role, i.RespondedAt ?? i.CreatedAt))
            .ToList());

    public bool Includes(Guid? partner) => partner == OwnerPartnerId || Members.Any(m => m.PartnerId == partner);
}
