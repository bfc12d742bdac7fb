using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Model.Notifications;

namespace EcosystemMarket.UnitTests;

/// <summary>Who is told what of each event, and that nobody is told who the customer is.</summary>
public sealed class Notification_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _event = Guid.NewGuid();
    private readonly (Guid Owner, Guid Invitee, Guid Other, Guid Opportunity, Guid Invitation) _ids =
        (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    private static IEnumerable<(Guid, string)> Told(IEnumerable<Notification> notifications) =>
        notifications.Select(n => (n.PartnerId, n.Kind)).Order();

    [Fact]
    public void An_invitation_tells_the_invitee_where_to_answer()
    {
        var invited = new PartnerInvited
        {
            InvitationId = _ids.Invitation, OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, InviteePartnerId = _ids.Invitee,
            Role = "storage specialist", AcceptBy = Now.AddDays(3), OccurredAt = Now,
        };

        var notification = Assert.Single(NotificationRules.For(invited, _event));

        Assert.Equal((_ids.Invitee, NotificationKinds.Invited, _ids.Invitation), (notification.PartnerId, notification.Kind, notification.SubjectId));
        Assert.Equal($"/invitations/{_ids.Invitation}", notification.Link);
        Assert.Equal(_event, notification.SourceEventId);
        Assert.Contains("2026-11-29", notification.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acceptance_tells_the_owner_and_tells_the_invitee_it_joined_the_team()
    {
        var accepted = new InvitationAccepted
        {
            InvitationId = _ids.Invitation, OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, InviteePartnerId = _ids.Invitee, OccurredAt = Now,
        };

        Assert.Equal(new[] { (_ids.Owner, NotificationKinds.InvitationAccepted), (_ids.Invitee, NotificationKinds.TeamJoined) }.Order(),
            Told(NotificationRules.For(accepted, _event)));
    }

    [Fact]
    public void A_decline_tells_the_owner_with_its_reason()
    {
        var declined = new InvitationDeclined
        {
            InvitationId = _ids.Invitation, OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, InviteePartnerId = _ids.Invitee,
            Reason = "No capacity this quarter", OccurredAt = Now,
        };

        var notification = Assert.Single(NotificationRules.For(declined, _event));

        Assert.Equal((_ids.Owner, NotificationKinds.InvitationDeclined), (notification.PartnerId, notification.Kind));
        Assert.Contains("No capacity this quarter", notification.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_win_tells_the_owner_and_each_member_and_books_each_member_s_reward()
    {
        var won = new OpportunityWon
        {
            OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, FinalValue = 80_000m, Currency = "EUR", OccurredAt = Now,
            Team =
            [
                new TeamMemberTerms { PartnerId = _ids.Invitee, Role = "storage", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } },
                new TeamMemberTerms { PartnerId = _ids.Other, Role = "services", Reward = new RewardTerms { Kind = RewardTerms.FixedFee, Amount = 2_500m } },
            ],
        };

        var told = NotificationRules.For(won, _event);

        Assert.Equal(
            new[]
            {
                (_ids.Owner, NotificationKinds.DealWon), (_ids.Invitee, NotificationKinds.DealWon), (_ids.Invitee, NotificationKinds.RewardBooked),
                (_ids.Other, NotificationKinds.DealWon), (_ids.Other, NotificationKinds.RewardBooked),
            }.Order(),
            Told(told));
        Assert.Contains("80,000.00 EUR", told.Single(n => n.PartnerId == _ids.Owner).Text, StringComparison.Ordinal);
        var fixedFee = told.Single(n => n.PartnerId == _ids.Other && n.Kind == NotificationKinds.RewardBooked);
        Assert.Contains("fixed fee of 2,500.00 EUR", fixedFee.Text, StringComparison.Ordinal);
        Assert.Contains("holding period", fixedFee.Text, StringComparison.Ordinal);
        Assert.Equal("/money", fixedFee.Link);
    }

    [Fact]
    public void A_loss_tells_the_owner_and_the_members_known_from_acceptances_once_each()
    {
        var closed = new OpportunityClosed { OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, Outcome = "lost", OccurredAt = Now };

        var told = NotificationRules.For(closed, [_ids.Invitee, _ids.Invitee, _ids.Owner], _event);

        Assert.Equal(new[] { (_ids.Owner, NotificationKinds.DealLost), (_ids.Invitee, NotificationKinds.DealLost) }.Order(), Told(told));
    }

    [Fact]
    public void A_payout_tells_the_partner_paid()
    {
        var payout = new PayoutApproved { PayoutId = Guid.NewGuid(), VendorId = "acme", PartnerId = _ids.Invitee, Amount = 1234.5m, Currency = "USD", OccurredAt = Now };

        var notification = Assert.Single(NotificationRules.For(payout, _event));

        Assert.Equal((_ids.Invitee, NotificationKinds.PayoutApproved, payout.PayoutId), (notification.PartnerId, notification.Kind, notification.SubjectId));
        Assert.Contains("1,234.50 USD", notification.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_tells_the_registrant_and_the_protected_partner()
    {
        var conflict = new DealConflictDetected
        {
            RegistrationId = Guid.NewGuid(), VendorId = "acme", RegistrantPartnerId = _ids.Invitee, ProtectedPartnerId = _ids.Owner,
            Kinds = [DealConflictDetected.Overlap], OccurredAt = Now,
        };
        var alone = conflict with { ProtectedPartnerId = null, Kinds = [DealConflictDetected.Poaching] };

        Assert.Equal(new[] { (_ids.Owner, NotificationKinds.DealConflict), (_ids.Invitee, NotificationKinds.DealConflict) }.Order(),
            Told(NotificationRules.For(conflict, _event)));
        Assert.Equal(_ids.Invitee, Assert.Single(NotificationRules.For(alone, _event)).PartnerId);
    }

    [Fact]
    public void An_alliance_proposal_asks_the_other_members_and_its_forming_tells_all()
    {
        var proposed = new AllianceProposed
        {
            AllianceId = Guid.NewGuid(), Name = "Storage guild", ProposedBy = _ids.Owner, Members = [_ids.Owner, _ids.Invitee, _ids.Other],
            SharingLevel = "opportunities", OccurredAt = Now,
        };
        var formed = new AllianceFormed { AllianceId = proposed.AllianceId, Name = proposed.Name, Members = proposed.Members, OccurredAt = Now };

        Assert.Equal(new[] { _ids.Invitee, _ids.Other }.Order(), NotificationRules.For(proposed, _event).Select(n => n.PartnerId).Order());
        Assert.Equal(proposed.Members.Order(), NotificationRules.For(formed, _event).Select(n => n.PartnerId).Order());
        Assert.All(NotificationRules.For(formed, _event), n => Assert.Equal(NotificationKinds.AllianceFormed, n.Kind));
    }

    [Fact]
    public void A_reminder_names_the_invitation_and_its_deadline()
    {
        var invitation = new TrackedInvitation
        {
            InvitationId = _ids.Invitation, OpportunityId = _ids.Opportunity, OwnerPartnerId = _ids.Owner, InviteePartnerId = _ids.Invitee,
            AcceptBy = Now.AddHours(20), State = TrackedInvitation.Open,
        };

        var reminder = NotificationRules.ExpiringSoon(invitation, Now);

        Assert.Equal((_ids.Invitee, NotificationKinds.InvitationExpiring, _ids.Invitation), (reminder.PartnerId, reminder.Kind, reminder.SubjectId));
        Assert.Contains("2026-11-27 05:00 UTC", reminder.Text, StringComparison.Ordinal);
    }
}
