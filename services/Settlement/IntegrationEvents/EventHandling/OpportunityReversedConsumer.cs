using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using MassTransit;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>
/// Claws back the rewards of a reversed deal, once. A reversal that overtakes its win (both are in flight)
/// fails and is retried until the win is booked, so nothing stays paid for a reversed deal.
/// </summary>
public sealed class OpportunityReversedConsumer(Inbox inbox, Ledger ledger, TimeProvider clock, ILogger<OpportunityReversedConsumer> logger)
    : IConsumer<OpportunityReversed>
{
    public async Task Consume(ConsumeContext<OpportunityReversed> context)
    {
        var reversed = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("OpportunityReversed arrived without a message id.");
        await inbox.HandleOnceAsync(messageId, nameof(OpportunityReversedConsumer), async unit =>
        {
            if (!await ledger.IsSettledAsync(unit, reversed.OpportunityId, context.CancellationToken))
            {
                throw new InvalidOperationException($"Opportunity {reversed.OpportunityId} is reversed before its win was settled; retrying.");
            }
            var booked = await ledger.EntriesOfOpportunityAsync(unit, reversed.OpportunityId, context.CancellationToken);
            var clawbacks = Clawbacks.For(booked, clock.GetUtcNow());
            await ledger.BookAsync(unit, clawbacks, context.CancellationToken);
            logger.LogInformation("Reversed opportunity {OpportunityId}: {Count} clawback entries", reversed.OpportunityId, clawbacks.Count);
        }, context.CancellationToken);
    }
}
