using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.Model;
using MassTransit;

namespace EcosystemMarket.Matching.IntegrationEvents.EventHandling;

/// <summary>
/// Turns Brokering's events into track-record facts. Two consumers share this translation: the recorder
/// persists each fact once (durable queue shared by the replicas), the observer updates the in-memory
/// record of its own replica (one temporary queue per replica).
/// </summary>
public abstract class BrokeringActivityConsumer(
    Func<InvitationFact, CancellationToken, Task> onInvitation,
    Func<IReadOnlyList<TeamWin>, CancellationToken, Task> onWin,
    Func<IReadOnlyList<DealConflict>, CancellationToken, Task> onConflicts)
    : IConsumer<PartnerInvited>, IConsumer<InvitationAccepted>, IConsumer<InvitationDeclined>, IConsumer<InvitationExpired>, IConsumer<OpportunityWon>,
      IConsumer<DealConflictDetected>
{
    public Task Consume(ConsumeContext<PartnerInvited> context)
    {
        var e = context.Message;
        return onInvitation(new InvitationFact(e.InvitationId, e.OpportunityId, e.OwnerPartnerId, e.InviteePartnerId,
            e.OccurredAt, null, InvitationOutcome.Pending), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<InvitationAccepted> context)
    {
        var e = context.Message;
        return onInvitation(new InvitationFact(e.InvitationId, e.OpportunityId, e.OwnerPartnerId, e.InviteePartnerId,
            null, e.OccurredAt, InvitationOutcome.Accepted), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<InvitationDeclined> context)
    {
        var e = context.Message;
        return onInvitation(new InvitationFact(e.InvitationId, e.OpportunityId, e.OwnerPartnerId, e.InviteePartnerId,
            null, e.OccurredAt, InvitationOutcome.Declined), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<InvitationExpired> context)
    {
        var e = context.Message;
        return onInvitation(new InvitationFact(e.InvitationId, e.OpportunityId, e.OwnerPartnerId, e.InviteePartnerId,
            null, e.OccurredAt, InvitationOutcome.Expired), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<OpportunityWon> context)
    {
        var e = context.Message;
        return onWin(e.Team.Select(m => new TeamWin(e.OpportunityId, e.OwnerPartnerId, m.PartnerId, e.OccurredAt)).ToList(),
            context.CancellationToken);
    }

    /// <summary>One conflict per partner the registration conflicts with: the protected registrant, and whoever it poached from.</summary>
    public Task Consume(ConsumeContext<DealConflictDetected> context)
    {
        var e = context.Message;
        var counterparts = (e.ProtectedPartnerId is { } protectedPartner ? [protectedPartner] : Array.Empty<Guid>())
            .Concat(e.PoachedFromPartnerIds ?? [])
            .Where(partner => partner != e.RegistrantPartnerId)
            .Distinct();
        return onConflicts(counterparts.Select(partner => new DealConflict(e.RegistrationId, e.RegistrantPartnerId, partner, e.OccurredAt)).ToList(),
            context.CancellationToken);
    }
}

public sealed class BrokeringActivityRecorder(TrackRecordStore store) : BrokeringActivityConsumer(store.RecordAsync, store.RecordAsync, store.RecordAsync);

public sealed class BrokeringActivityObserver(TrackRecord record) : BrokeringActivityConsumer(
    (fact, _) => { record.Apply(fact); return Task.CompletedTask; },
    (wins, _) => { foreach (var win in wins) { record.Apply(win); } return Task.CompletedTask; },
    (conflicts, _) => { foreach (var conflict in conflicts) { record.Apply(conflict); } return Task.CompletedTask; });
