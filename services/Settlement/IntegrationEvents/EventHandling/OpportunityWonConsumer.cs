using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.ServiceDefaults.Messaging;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>
/// Books the rewards of a won deal, exactly once however often the event arrives: the team's agreed terms,
/// and the vendor program's lead-registration bonus when the owner had registered the deal.
/// </summary>
public sealed class OpportunityWonConsumer(
    Inbox inbox, Ledger ledger, RewardProgramStore programs, IPartnerStandings standings, TimeProvider clock, IOptions<SettlementOptions> options,
    ILogger<OpportunityWonConsumer> logger)
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

        // The program's rules are read before the transaction: a network call never holds the ledger's write lock.
        var program = won.VendorId is { } vendor ? await programs.GetAsync(vendor, context.CancellationToken) : null;
        // The owner's tier in this vendor's program as the vendor attested it: a tier it only claims earns the base multiplier.
        var ownerTier = program is not null && won.DealRegistrationId is not null
            ? (await standings.StandingInAsync(won.OwnerPartnerId, program.VendorId, context.CancellationToken)).Tier
            : null;
        var holdingPeriod = program is null ? options.Value.HoldingPeriod : TimeSpan.FromDays(program.HoldingPeriodDays);
        var handled = await inbox.HandleOnceAsync(messageId, nameof(OpportunityWonConsumer), async unit =>
        {
            var now = clock.GetUtcNow();
            var entries = ReferralRewards.For(won, now, holdingPeriod)
                .Concat(program is not null && ownerTier is not null ? ProgramRewards.For(won, program, ownerTier, now) : [])
                .ToList();
            booked = await ledger.BookAsync(unit, entries, context.CancellationToken);
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
