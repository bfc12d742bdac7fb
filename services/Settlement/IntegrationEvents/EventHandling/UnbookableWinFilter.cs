using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Messaging;
using EcosystemMarket.Settlement.Model;
using MassTransit;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>
/// Turns away a win that can never be booked before it joins a batch: it goes to the error queue at once and alone,
/// and the wins that would have shared its batch are booked.
/// </summary>
public sealed class UnbookableWinFilter : IFilter<ConsumeContext<OpportunityWon>>
{
    public Task Send(ConsumeContext<OpportunityWon> context, IPipe<ConsumeContext<OpportunityWon>> next)
    {
        if (context.MessageId is null)
        {
            // Without an id the inbox cannot tell a redelivery from a new win.
            throw new UnprocessableMessageException($"OpportunityWon {context.Message.OpportunityId} arrived without a message id.");
        }
        if (ReferralRewards.ReasonToReject(context.Message) is { } reason)
        {
            throw new UnprocessableMessageException($"OpportunityWon {context.Message.OpportunityId} cannot be booked: {reason}.");
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("unbookableWins");
}
