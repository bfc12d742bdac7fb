namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// A rule of the deal flow that a request broke; answered as 409 with the reason, or 422 when <see cref="Unprocessable"/>:
/// the request asks for what the rules never allow (not what the state forbids just now).
/// </summary>
public sealed record RuleViolation(string Title, string Detail)
{
    public bool Unprocessable { get; init; }
}

/// <summary>
/// What may happen to an opportunity and its invitations, and when. Pure: time comes in as an argument.
/// </summary>
public static class DealRules
{
    public static RuleViolation? CanInvite(Opportunity opportunity, Guid invitee, IEnumerable<Invitation> existing)
    {
        if (!OpportunityLifecycle.IsLive(opportunity.Status))
        {
            return new("The opportunity is not open.", $"Invitations can be sent only while an opportunity is Open or Teaming; it is {opportunity.Status}.");
        }
        if (invitee == opportunity.OwnerPartnerId)
        {
            return new("An owner cannot invite itself.", "Invite a partner that complements you.");
        }
        if (existing.Any(i => i.InviteePartnerId == invitee && i.Status is InvitationStatus.Pending or InvitationStatus.Accepted))
        {
            return new("This partner is already invited.", $"Partner {invitee} has an open or accepted invitation to this opportunity.");
        }
        return null;
    }

    public static RuleViolation? CanRespond(Invitation invitation, Opportunity opportunity, DateTimeOffset now)
    {
        if (invitation.Status == InvitationStatus.Expired || (invitation.Status == InvitationStatus.Pending && now > invitation.AcceptBy))
        {
            return new("The invitation has expired.", $"It had to be answered by {invitation.AcceptBy:O}.");
        }
        if (invitation.Status != InvitationStatus.Pending)
        {
            return new("The invitation was already answered.", $"It is {invitation.Status}.");
        }
        if (!OpportunityLifecycle.IsLive(opportunity.Status))
        {
            return new("The opportunity is closed.", $"It is {opportunity.Status}.");
        }
        return null;
    }
}
