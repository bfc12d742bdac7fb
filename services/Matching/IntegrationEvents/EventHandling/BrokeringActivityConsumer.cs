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
public abstract class BrokeringActivityConsumer(Func<InvitationFact, CancellationToken, Task> onInvitation, Func<IReadOnlyList<TeamWin>, CancellationToken, Task> onWin)
    : IConsumer<PartnerInvited>, IConsumer<InvitationAccepted>, IConsumer<InvitationDeclined>, IConsumer<InvitationExpired>, IConsumer<OpportunityWon>
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
}

public sealed class BrokeringActivityRecorder(TrackRecordStore store) : BrokeringActivityConsumer(store.RecordAsync, store.RecordAsync);

public sealed class BrokeringActivityObserver(TrackRecord record) : BrokeringActivityConsumer(
    (fact, _) => { record.Apply(fact); return Task.CompletedTask; },
    (wins, _) => { foreach (var win in wins) { record.Apply(win); } return Task.CompletedTask; });
