namespace EcosystemMarket.Partners.Model.Notifications;

/// <summary>
/// What Partners keeps of an invitation from Brokering's events: enough to remind an invitee before it expires and to
/// know a deal's team when it closes. Events may arrive out of order: an answer recorded first is never reopened.
/// </summary>
public sealed record TrackedInvitation
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    public required Guid InvitationId { get; init; }
    public required Guid OpportunityId { get; init; }
    public required Guid OwnerPartnerId { get; init; }
    public required Guid InviteePartnerId { get; init; }
    public DateTimeOffset? AcceptBy { get; init; }
    public required string State { get; init; }

    /// <summary>Due for a reminder: still unanswered, and its deadline is within the lead time but not past.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) ReminderWindow(DateTimeOffset now, TimeSpan leadTime) => (now, now + leadTime);
}
