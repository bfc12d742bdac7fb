using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.ServiceDefaults.Audit;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>
/// Books the rewards of won deals, a batch in one transaction, exactly once however often a win arrives: the team's
/// agreed terms, and the vendor program's lead-registration bonus when the owner had registered the deal. Wins that
/// can never be booked were turned away before the batch (<see cref="UnbookableWinFilter"/>).
/// </summary>
public sealed class OpportunityWonConsumer(
    Inbox inbox, Ledger ledger, RewardProgramStore programs, IPartnerStandings standings, TimeProvider clock, IOptions<SettlementOptions> options,
    ILogger<OpportunityWonConsumer> logger)
    : IConsumer<Batch<OpportunityWon>>
{
    public async Task Consume(ConsumeContext<Batch<OpportunityWon>> context)
    {
        var cancellationToken = context.CancellationToken;
        var wins = context.Message.DistinctBy(win => win.MessageId!.Value).ToDictionary(win => win.MessageId!.Value, win => win.Message);
        // The programs' rules are read before the transaction: a network call never holds the ledger's write lock.
        var terms = await TermsAsync(wins, cancellationToken);
        var booked = 0;
        using var actor = AuditContext.Use(AuditActor.Batch(nameof(OpportunityWon), wins.Count));
        var handled = await inbox.HandleEachOnceAsync(wins.Keys, nameof(OpportunityWonConsumer), async (unit, fresh) =>
        {
            var now = clock.GetUtcNow();
            var entries = fresh
                .SelectMany(id => WinRewards.For(wins[id], terms[id].Program, terms[id].OwnerTier, now, options.Value.HoldingPeriod))
                .ToList();
            booked = await ledger.BookAsync(unit, entries, cancellationToken);
            await ledger.MarkSettledAsync(unit, fresh.Select(id => (wins[id].OpportunityId, wins[id].VendorId)), now, cancellationToken);
        }, cancellationToken);

        // Debug: at thousands of wins a second a line each costs more than the booking; the ledger is the record.
        logger.LogDebug("Settled {Wins} opportunities: {Booked} reward transactions booked", handled.Count, booked);
        foreach (var (messageId, won) in wins.Where(win => !handled.Contains(win.Key)))
        {
            logger.LogInformation("Message {MessageId} for opportunity {OpportunityId} was handled before; ignored", messageId, won.OpportunityId);
        }
    }

    /// <summary>Each win's program (by its vendor) and, for a registered deal whose owner earns tier rewards, the owner's tier in it as the vendor attested it; each read once per batch.</summary>
    private async Task<Dictionary<Guid, (RewardProgram? Program, string? OwnerTier)>> TermsAsync(
        IReadOnlyDictionary<Guid, OpportunityWon> wins, CancellationToken cancellationToken)
    {
        var programsByVendor = new Dictionary<string, RewardProgram?>();
        var tiers = new Dictionary<(Guid Owner, string Vendor), string>();
        var terms = new Dictionary<Guid, (RewardProgram?, string?)>();
        foreach (var (messageId, won) in wins)
        {
            RewardProgram? program = null;
            if (won.VendorId is { } vendor && !programsByVendor.TryGetValue(vendor, out program))
            {
                program = programsByVendor[vendor] = await programs.GetAsync(vendor, cancellationToken);
            }
            string? ownerTier = null;
            // A tier the owner only claims earns the base multiplier: standings answer with the attested one.
            if (program is not null && ProgramRewards.MayEarnBonus(won) && !tiers.TryGetValue((won.OwnerPartnerId, program.VendorId), out ownerTier))
            {
                ownerTier = tiers[(won.OwnerPartnerId, program.VendorId)] = (await standings.StandingInAsync(won.OwnerPartnerId, program.VendorId, cancellationToken)).Tier;
            }
            terms[messageId] = (program, ownerTier);
        }
        return terms;
    }
}
