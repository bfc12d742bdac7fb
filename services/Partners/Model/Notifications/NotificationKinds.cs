namespace EcosystemMarket.Partners.Model.Notifications;

/// <summary>The kinds of notification, which are also the <c>type</c> of their webhook events.</summary>
public static class NotificationKinds
{
    public const string Invited = "invitation.received";
    public const string InvitationExpiring = "invitation.expiring";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationDeclined = "invitation.declined";
    public const string TeamJoined = "team.joined";
    public const string DealWon = "opportunity.won";
    public const string DealLost = "opportunity.lost";
    public const string RewardBooked = "reward.booked";
    public const string PayoutApproved = "payout.approved";
    public const string DealConflict = "deal-registration.conflict";
    public const string AllianceProposed = "alliance.proposed";
    public const string AllianceFormed = "alliance.formed";

    public static readonly IReadOnlyList<string> All =
    [
        Invited, InvitationExpiring, InvitationAccepted, InvitationDeclined, TeamJoined, DealWon, DealLost, RewardBooked,
        PayoutApproved, DealConflict, AllianceProposed, AllianceFormed,
    ];
}
