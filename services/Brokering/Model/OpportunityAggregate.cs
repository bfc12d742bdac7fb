using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// An opportunity with its invitations: the unit whose rules hold together (who may be invited, who may answer and
/// until when, what the owner may do next). Each method checks its rule against the state as read, changes it and
/// returns the events to publish. The repository saves the changes only if nobody saved the aggregate since it was
/// read (<see cref="LoadedVersion"/>), so a rule checked here still holds when it is written, on any database and
/// with any number of replicas.
/// </summary>
public sealed class OpportunityAggregate
{
    private readonly List<Invitation> _invitations;
    private readonly Dictionary<Guid, InvitationStatus> _statusAsRead = [];
    private readonly List<Invitation> _offered = [];

    public OpportunityAggregate(Opportunity opportunity, IEnumerable<Invitation> invitations)
    {
        Opportunity = opportunity;
        LoadedVersion = opportunity.Version;
        LoadedStatus = opportunity.Status;
        _invitations = invitations.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToList();
    }

    public Opportunity Opportunity { get; private set; }
    public IReadOnlyList<Invitation> Invitations => _invitations;
    public long LoadedVersion { get; }
    public OpportunityStatus LoadedStatus { get; }

    /// <summary>Invitations made since the aggregate was read: to insert.</summary>
    public IReadOnlyList<Invitation> Offered => _offered;

    /// <summary>Invitations answered or expired since the aggregate was read, with the status each had then: to update, guarded by it.</summary>
    public IEnumerable<(Invitation Invitation, InvitationStatus StatusAsRead)> Answered =>
        _statusAsRead.Select(pair => (_invitations.Single(i => i.Id == pair.Key), pair.Value));

    public bool IsOwnedBy(Guid? partner) => Opportunity.IsOwnedBy(partner);

    public Invitation? Invitation(Guid id) => _invitations.FirstOrDefault(i => i.Id == id);

    /// <param name="engagement">The vendor program's terms for this invitee (see <see cref="ProgramManagement.Engage"/>); none outside a program.</param>
    public Outcome Invite(Guid invitee, string role, RewardTerms reward, DateTimeOffset acceptBy, DateTimeOffset now, Engagement? engagement = null)
    {
        if ((engagement?.Refused ?? DealRules.CanInvite(Opportunity, invitee, _invitations) ?? OfferLimit.Check(Opportunity, _invitations, reward)) is { } violation)
        {
            return Outcome.Refuse(violation);
        }
        var invitation = InvitationOffers.Offer(Opportunity, invitee, role, reward, acceptBy, now, engagement);
        _invitations.Add(invitation);
        _offered.Add(invitation);
        return new Outcome { Events = [invitation.Announcement()], Invitation = invitation };
    }

    /// <summary>The invitee's answer; the first acceptance forms the team (Open → Teaming).</summary>
    public Outcome Respond(Guid invitationId, bool accept, string? declineReason, DateTimeOffset now)
    {
        var invitation = Invitation(invitationId) ?? throw new ArgumentException($"Invitation {invitationId} is not one of opportunity {Opportunity.Id}'s.", nameof(invitationId));
        if (DealRules.CanRespond(invitation, Opportunity, now) is { } violation)
        {
            return Outcome.Refuse(violation);
        }
        var answered = Change(invitation with
        {
            Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined, DeclineReason = declineReason, RespondedAt = now,
        });
        if (accept && Opportunity.Status == OpportunityStatus.Open)
        {
            Opportunity = Opportunity with { Status = OpportunityStatus.Teaming, UpdatedAt = now };
        }
        object answer = accept
            ? new InvitationAccepted
            {
                InvitationId = answered.Id, OpportunityId = answered.OpportunityId, OwnerPartnerId = answered.OwnerPartnerId,
                InviteePartnerId = answered.InviteePartnerId, OccurredAt = now,
            }
            : new InvitationDeclined
            {
                InvitationId = answered.Id, OpportunityId = answered.OpportunityId, OwnerPartnerId = answered.OwnerPartnerId,
                InviteePartnerId = answered.InviteePartnerId, Reason = declineReason!, OccurredAt = now,
            };
        return new Outcome { Events = [answer], Invitation = answered };
    }

    /// <summary>Pending invitations whose accept-by time has passed.</summary>
    public IReadOnlyList<Invitation> Due(DateTimeOffset now) =>
        _invitations.Where(i => i.Status == InvitationStatus.Pending && i.AcceptBy < now).ToList();

    /// <summary>
    /// Expires every pending invitation past its accept-by time. When the owner allowed it and the opportunity is live,
    /// each expired place is offered on the same terms to the next of <paramref name="nextBest"/> (Matching's ranking)
    /// that may still be invited, answerable for <paramref name="acceptWindow"/>.
    /// </summary>
    /// <param name="termsOf">The vendor program's terms for each candidate (see <see cref="ProgramManagement.Engage"/>), as for an
    /// invitation by hand: an influencer is passed over, an SLA partner's invitation is due by the SLA.</param>
    public Outcome ExpireDue(DateTimeOffset now, IReadOnlyList<Guid> nextBest, TimeSpan acceptWindow, Func<Guid, Engagement?>? termsOf = null)
    {
        var events = new List<object>();
        var candidates = new Queue<Guid>(nextBest);
        foreach (var due in Due(now))
        {
            Change(due with { Status = InvitationStatus.Expired });
            events.Add(new InvitationExpired
            {
                InvitationId = due.Id, OpportunityId = due.OpportunityId, OwnerPartnerId = due.OwnerPartnerId,
                InviteePartnerId = due.InviteePartnerId, AcceptBy = due.AcceptBy, OccurredAt = now,
            });
            if (!Opportunity.AutoInviteNextBest)
            {
                continue;
            }
            while (candidates.TryDequeue(out var candidate))
            {
                if (Invite(candidate, due.Role, due.Reward, now + acceptWindow, now, termsOf?.Invoke(candidate)) is { Refused: false } invited)
                {
                    events.AddRange(invited.Events);
                    break;
                }
            }
        }
        return new Outcome { Events = events };
    }

    public Outcome Publish(DateTimeOffset now) => MoveTo(OpportunityStatus.Open, now, finalValue: null, moved => moved.Posted(now));

    /// <summary>
    /// Won at <paramref name="finalValue"/>: the team is everyone who accepted, on the terms they accepted. The owner's
    /// protected registration of the deal earns the program's lead-registration bonus, unless it is with another vendor.
    /// </summary>
    public Outcome Win(decimal finalValue, DealRegistration? leadRegistration, DateTimeOffset now) =>
        MoveTo(OpportunityStatus.Won, now, finalValue, won =>
        {
            var vendor = won.VendorId ?? leadRegistration?.VendorId;
            return new OpportunityWon
            {
                OpportunityId = won.Id, OwnerPartnerId = won.OwnerPartnerId, FinalValue = finalValue, Currency = won.Currency,
                Team = _invitations.Where(i => i.Status == InvitationStatus.Accepted)
                    .Select(i => new TeamMemberTerms { PartnerId = i.InviteePartnerId, Role = i.Role, Reward = i.Reward, ManagementMode = i.ManagementMode }).ToList(),
                VendorId = vendor, DealRegistrationId = leadRegistration?.VendorId == vendor ? leadRegistration?.Id : null,
                OwnerManagementMode = won.OwnerManagementMode, OccurredAt = now,
            };
        });

    public Outcome Lose(DateTimeOffset now) => MoveTo(OpportunityStatus.Lost, now, finalValue: null, lost => Closed(lost, "lost", now));

    public Outcome Withdraw(DateTimeOffset now) => MoveTo(OpportunityStatus.Withdrawn, now, finalValue: null, withdrawn => Closed(withdrawn, "withdrawn", now));

    public Outcome Reverse(string reason, DateTimeOffset now) => MoveTo(OpportunityStatus.Reversed, now, finalValue: null, reversed =>
        new OpportunityReversed { OpportunityId = reversed.Id, OwnerPartnerId = reversed.OwnerPartnerId, Reason = reason, OccurredAt = now });

    /// <summary>The owner's move through the life cycle (<see cref="OpportunityLifecycle"/>), announced by <paramref name="announce"/>.</summary>
    public Outcome MoveTo(OpportunityStatus target, DateTimeOffset now, decimal? finalValue, Func<Opportunity, object> announce)
    {
        if (OpportunityLifecycle.CanMove(Opportunity, target) is { } violation)
        {
            return Outcome.Refuse(violation);
        }
        Opportunity = Opportunity with
        {
            Status = target, FinalValue = finalValue ?? Opportunity.FinalValue, UpdatedAt = now,
            PostedAt = target == OpportunityStatus.Open ? now : Opportunity.PostedAt,
        };
        return new Outcome { Events = [announce(Opportunity)] };
    }

    private static OpportunityClosed Closed(Opportunity opportunity, string outcome, DateTimeOffset now) =>
        new() { OpportunityId = opportunity.Id, OwnerPartnerId = opportunity.OwnerPartnerId, Outcome = outcome, OccurredAt = now };

    private Invitation Change(Invitation changed)
    {
        var index = _invitations.FindIndex(i => i.Id == changed.Id);
        _statusAsRead.TryAdd(changed.Id, _invitations[index].Status);
        _invitations[index] = changed;
        return changed;
    }
}
