using System.Globalization;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model.Notifications;

/// <summary>
/// Who is told what of each event: the product's rules of notification, apart from how events arrive and where
/// notifications go. <c>eventId</c> is the message's id, kept on each notification as its source.
/// </summary>
public static class NotificationRules
{
    public static IReadOnlyList<Notification> For(PartnerInvited invited, Guid eventId) =>
    [
        New(invited.InviteePartnerId, NotificationKinds.Invited, invited.InvitationId, eventId, invited.OccurredAt,
            "You are invited to a deal",
            $"A partner invites you as {invited.Role} on an opportunity. Answer by {Day(invited.AcceptBy)}.",
            $"/invitations/{invited.InvitationId}"),
    ];

    /// <summary>The reminder the sweep sends an invitee whose invitation is still unanswered within the lead time before it expires.</summary>
    public static Notification ExpiringSoon(TrackedInvitation invitation, DateTimeOffset now) =>
        New(invitation.InviteePartnerId, NotificationKinds.InvitationExpiring, invitation.InvitationId, invitation.InvitationId, now,
            "An invitation expires soon",
            $"Your invitation to an opportunity expires on {Day(invitation.AcceptBy ?? now)} unless you answer it.",
            $"/invitations/{invitation.InvitationId}");

    public static IReadOnlyList<Notification> For(InvitationAccepted accepted, Guid eventId) =>
    [
        New(accepted.OwnerPartnerId, NotificationKinds.InvitationAccepted, accepted.InvitationId, eventId, accepted.OccurredAt,
            "An invitation was accepted", "A partner you invited accepted and joined your team.", Opportunity(accepted.OpportunityId)),
        New(accepted.InviteePartnerId, NotificationKinds.TeamJoined, accepted.InvitationId, eventId, accepted.OccurredAt,
            "You joined the team", "You accepted the invitation: you are on the opportunity's team and now see who the customer is.",
            Opportunity(accepted.OpportunityId)),
    ];

    public static IReadOnlyList<Notification> For(InvitationDeclined declined, Guid eventId) =>
    [
        New(declined.OwnerPartnerId, NotificationKinds.InvitationDeclined, declined.InvitationId, eventId, declined.OccurredAt,
            "An invitation was declined", $"A partner you invited declined: {Clip(declined.Reason, 300)}", Opportunity(declined.OpportunityId)),
    ];

    public static IReadOnlyList<Notification> For(OpportunityWon won, Guid eventId)
    {
        var value = Amount(won.FinalValue, won.Currency);
        var notifications = new List<Notification>
        {
            New(won.OwnerPartnerId, NotificationKinds.DealWon, won.OpportunityId, eventId, won.OccurredAt,
                "Deal won", $"Your opportunity was won at {value}.", Opportunity(won.OpportunityId)),
        };
        foreach (var member in won.Team.DistinctBy(m => m.PartnerId).Where(m => m.PartnerId != won.OwnerPartnerId))
        {
            notifications.Add(New(member.PartnerId, NotificationKinds.DealWon, won.OpportunityId, eventId, won.OccurredAt,
                "Deal won", $"An opportunity you team on was won at {value}.", Opportunity(won.OpportunityId)));
            notifications.Add(New(member.PartnerId, NotificationKinds.RewardBooked, won.OpportunityId, eventId, won.OccurredAt,
                "Reward booked",
                $"Your reward as {member.Role}: {Terms(member.Reward, won.Currency)}. It is booked to your ledger and becomes payable after the program's holding period.",
                "/money"));
        }
        return notifications;
    }

    /// <summary>The owner and every partner known to have joined its team (from the acceptances this service saw).</summary>
    public static IReadOnlyList<Notification> For(OpportunityClosed closed, IEnumerable<Guid> team, Guid eventId) =>
        team.Prepend(closed.OwnerPartnerId).Distinct()
            .Select(partner => New(partner, NotificationKinds.DealLost, closed.OpportunityId, eventId, closed.OccurredAt,
                "Deal closed without a win",
                partner == closed.OwnerPartnerId ? $"Your opportunity closed: {Clip(closed.Outcome, 100)}." : $"An opportunity you team on closed: {Clip(closed.Outcome, 100)}.",
                Opportunity(closed.OpportunityId)))
            .ToList();

    public static IReadOnlyList<Notification> For(PayoutApproved payout, Guid eventId) =>
    [
        New(payout.PartnerId, NotificationKinds.PayoutApproved, payout.PayoutId, eventId, payout.OccurredAt,
            "Payout approved", $"Vendor {payout.VendorId} approved paying you {Amount(payout.Amount, payout.Currency)}.", "/money"),
    ];

    /// <summary>The registrant, and the partner whose protected registration it collides with.</summary>
    public static IReadOnlyList<Notification> For(DealConflictDetected conflict, Guid eventId)
    {
        var kinds = string.Join(" and ", conflict.Kinds);
        var notifications = new List<Notification>
        {
            New(conflict.RegistrantPartnerId, NotificationKinds.DealConflict, conflict.RegistrationId, eventId, conflict.OccurredAt,
                "Your deal registration is in conflict",
                $"Vendor {conflict.VendorId} sees a conflict ({kinds}) on your registration; it decides which registration it backs.", "/opportunities"),
        };
        if (conflict.ProtectedPartnerId is { } protectedPartner && protectedPartner != conflict.RegistrantPartnerId)
        {
            notifications.Add(New(protectedPartner, NotificationKinds.DealConflict, conflict.RegistrationId, eventId, conflict.OccurredAt,
                "A registration collides with yours",
                $"Another partner registered a deal with vendor {conflict.VendorId} that collides with your protected registration ({kinds}).", "/opportunities"));
        }
        return notifications;
    }

    public static IReadOnlyList<Notification> For(AllianceProposed proposed, Guid eventId) =>
        proposed.Members.Distinct().Where(member => member != proposed.ProposedBy)
            .Select(member => New(member, NotificationKinds.AllianceProposed, proposed.AllianceId, eventId, proposed.OccurredAt,
                "An alliance is proposed to you",
                $"A partner proposes the alliance \"{Clip(proposed.Name, 100)}\" ({proposed.SharingLevel}); it forms when every member accepts.",
                $"/alliances/{proposed.AllianceId}"))
            .ToList();

    public static IReadOnlyList<Notification> For(AllianceFormed formed, Guid eventId) =>
        formed.Members.Distinct()
            .Select(member => New(member, NotificationKinds.AllianceFormed, formed.AllianceId, eventId, formed.OccurredAt,
                "Alliance formed", $"Every member accepted: the alliance \"{Clip(formed.Name, 100)}\" is in force.", $"/alliances/{formed.AllianceId}"))
            .ToList();

    private static Notification New(Guid partner, string kind, Guid subject, Guid eventId, DateTimeOffset occurredAt, string title, string text, string link) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partner,
        Kind = kind,
        SubjectId = subject,
        Title = title,
        Text = text,
        Link = link,
        SourceEventId = eventId,
        OccurredAt = occurredAt,
    };

    private static string Opportunity(Guid id) => $"/opportunities/{id}";

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";

    private static string Terms(RewardTerms terms, string currency) => terms switch
    {
        { Kind: RewardTerms.FixedFee, Amount: { } amount } => $"a fixed fee of {Amount(amount, currency)}",
        { Kind: RewardTerms.RevenueShare, Percent: { } percent } => $"a revenue share of {percent.ToString(CultureInfo.InvariantCulture)} % of the final value",
        { Percent: { } percent } => $"a referral fee of {percent.ToString(CultureInfo.InvariantCulture)} % of the final value",
        _ => $"the agreed {terms.Kind}",
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
