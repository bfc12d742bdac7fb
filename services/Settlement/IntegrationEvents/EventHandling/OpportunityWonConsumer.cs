using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.ServiceDefaults.Messaging;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>Books the referral rewards of a won deal, exactly once however often the event arrives.</summary>
public sealed class OpportunityWonConsumer(Inbox inbox, Ledger ledger, TimeProvider clock, IOptions<SettlementOptions> options, ILogger<OpportunityWonConsumer> logger)
    : IConsumer<OpportunityWon>
{
    public async Task Consume(ConsumeContext<OpportunityWon> context)
    {
        var won = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("OpportunityWon arrived without a message id.");
        if (ReferralRewards.ReasonToReject(won) is { } reason)
        {
            throw new UnprocessableMessageException($"OpportunityWon {won.OpportunityId} cannot be booked: {reason}.");
        }
        var booked = 0;
        var handled = await inbox.HandleOnceAsync(messageId, nameof(OpportunityWonConsumer), async unit =>
        {
            var now = clock.GetUtcNow();
            booked = await ledger.BookAsync(unit, ReferralRewards.For(won, now, options.Value.HoldingPeriod), context.CancellationToken);
            await ledger.MarkSettledAsync(unit, won.OpportunityId, now, context.CancellationToken);
        }, context.CancellationToken);
        if (handled)
        {
            // Debug: at thousands of wins a second a line each costs more than the booking; the ledger is the record.
            logger.LogDebug("Settled opportunity {OpportunityId}: {Booked} reward transactions booked", won.OpportunityId, booked);
        }
        else
        {
            logger.LogInformation("Message {MessageId} for opportunity {OpportunityId} was handled before; ignored", messageId, won.OpportunityId);
        }
    }
}
