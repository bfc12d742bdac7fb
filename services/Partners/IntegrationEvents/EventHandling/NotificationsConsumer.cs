using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.Partners.Infrastructure.Notifications;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.Model.Notifications;
using EcosystemMarket.ServiceDefaults.Messaging;
using MassTransit;

namespace EcosystemMarket.Partners.IntegrationEvents.EventHandling;

/// <summary>
/// Turns the events that concern partners into notifications (<see cref="NotificationRules"/> says who is told what),
/// each message once (the inbox), in one transaction with the deliveries to the partners' webhook endpoints; the
/// dispatcher sends those later, so a slow receiver never holds a message. One queue for every kind.
/// </summary>
public sealed class NotificationsConsumer(Inbox inbox, NotificationStore notifications, WebhookSignal signal, TimeProvider clock)
    : IConsumer<PartnerInvited>, IConsumer<InvitationAccepted>, IConsumer<InvitationDeclined>, IConsumer<InvitationExpired>,
      IConsumer<OpportunityWon>, IConsumer<OpportunityClosed>, IConsumer<PayoutApproved>, IConsumer<DealConflictDetected>,
      IConsumer<AllianceProposed>, IConsumer<AllianceFormed>
{
    public Task Consume(ConsumeContext<PartnerInvited> context) => NotifyAsync(context, async (unit, id) =>
    {
        var invited = context.Message;
        await TrackAsync(unit, invited.InvitationId, invited.OpportunityId, invited.OwnerPartnerId, invited.InviteePartnerId, invited.AcceptBy,
            TrackedInvitation.Open, context.CancellationToken);
        return NotificationRules.For(invited, id);
    });

    public Task Consume(ConsumeContext<InvitationAccepted> context) => NotifyAsync(context, async (unit, id) =>
    {
        var accepted = context.Message;
        await TrackAsync(unit, accepted.InvitationId, accepted.OpportunityId, accepted.OwnerPartnerId, accepted.InviteePartnerId, null,
            TrackedInvitation.Accepted, context.CancellationToken);
        return NotificationRules.For(accepted, id);
    });

    public Task Consume(ConsumeContext<InvitationDeclined> context) => NotifyAsync(context, async (unit, id) =>
    {
        var declined = context.Message;
        await TrackAsync(unit, declined.InvitationId, declined.OpportunityId, declined.OwnerPartnerId, declined.InviteePartnerId, null,
            TrackedInvitation.Declined, context.CancellationToken);
        return NotificationRules.For(declined, id);
    });

    /// <summary>An expiry only ends the reminder: Brokering reclaims the invitation, and nobody needs to act.</summary>
    public Task Consume(ConsumeContext<InvitationExpired> context) => NotifyAsync(context, async (unit, _) =>
    {
        var expired = context.Message;
        await TrackAsync(unit, expired.InvitationId, expired.OpportunityId, expired.OwnerPartnerId, expired.InviteePartnerId, expired.AcceptBy,
            TrackedInvitation.Expired, context.CancellationToken);
        return [];
    });

    public Task Consume(ConsumeContext<OpportunityWon> context) =>
        NotifyAsync(context, (_, id) => Task.FromResult(NotificationRules.For(context.Message, id)));

    public Task Consume(ConsumeContext<OpportunityClosed> context) => NotifyAsync(context, async (unit, id) =>
        NotificationRules.For(context.Message, await notifications.TeamOfAsync(unit, context.Message.OpportunityId, context.CancellationToken), id));

    public Task Consume(ConsumeContext<PayoutApproved> context) =>
        NotifyAsync(context, (_, id) => Task.FromResult(NotificationRules.For(context.Message, id)));

    public Task Consume(ConsumeContext<DealConflictDetected> context) =>
        NotifyAsync(context, (_, id) => Task.FromResult(NotificationRules.For(context.Message, id)));

    public Task Consume(ConsumeContext<AllianceProposed> context) =>
        NotifyAsync(context, (_, id) => Task.FromResult(NotificationRules.For(context.Message, id)));

    public Task Consume(ConsumeContext<AllianceFormed> context) =>
        NotifyAsync(context, (_, id) => Task.FromResult(NotificationRules.For(context.Message, id)));

    private async Task NotifyAsync<T>(ConsumeContext<T> context, Func<UnitOfWork, Guid, Task<IReadOnlyList<Notification>>> notificationsOf) where T : class
    {
        // Without an id the inbox cannot tell a redelivery from a new event.
        var messageId = context.MessageId ?? throw new UnprocessableMessageException($"{typeof(T).Name} arrived without a message id.");
        var handled = await inbox.HandleOnceAsync(messageId, nameof(NotificationsConsumer), async unit =>
        {
            var told = await notificationsOf(unit, messageId);
            await notifications.TellAsync(unit, told, clock.GetUtcNow(), context.CancellationToken);
        }, context.CancellationToken);
        if (handled)
        {
            signal.Notify();
        }
    }

    private Task TrackAsync(UnitOfWork unit, Guid invitation, Guid opportunity, Guid owner, Guid invitee, DateTimeOffset? acceptBy, string state,
        CancellationToken cancellationToken) =>
        notifications.TrackInvitationAsync(unit, new TrackedInvitation
        {
            InvitationId = invitation,
            OpportunityId = opportunity,
            OwnerPartnerId = owner,
            InviteePartnerId = invitee,
            AcceptBy = acceptBy,
            State = state,
        }, cancellationToken);
}
