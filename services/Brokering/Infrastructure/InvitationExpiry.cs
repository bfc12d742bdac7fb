using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>
/// Expires invitations nobody answered by their accept-by time, on the injected clock. When the owner
/// allowed it, the next-best partners Matching suggests (excluding everyone invited before) are invited on
/// the same terms in the same transaction (<see cref="OpportunityAggregate.ExpireDue"/>). Safe with several
/// replicas: the aggregate is saved only from the version it was read at; a replica that loses the race
/// re-reads and finds nothing left to expire, or expires what is still due. Repeating is safe, so it retries.
/// </summary>
public sealed class InvitationExpiry(
    OpportunityRepository opportunities, Matchmaker.MatchmakerClient matchmaker, IPartnerDirectoryChecks directory, ProgramManagementStore programs,
    BrokeringMetrics metrics, TimeProvider clock, IOptions<InvitationOptions> options, ILogger<InvitationExpiry> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private const int Attempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, clock);
        do
        {
            try
            {
                await ExpireOverdueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Expiring overdue invitations failed; retrying at the next scan");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Expires what is overdue now; returns how many invitations this replica expired.</summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        var overdue = await opportunities.OverdueAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var opportunityId in overdue.Select(i => i.OpportunityId).Distinct())
        {
            expired += await ExpireWithRetriesAsync(opportunityId, cancellationToken);
        }
        return expired;
    }

    private async Task<int> ExpireWithRetriesAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ExpireDueAsync(opportunityId, cancellationToken);
            }
            catch (ConcurrencyConflictException exception) when (attempt < Attempts)
            {
                logger.LogInformation("Expiring invitations of opportunity {Opportunity} lost a race ({Reason}); reading it again", opportunityId, exception.Message);
            }
        }
    }

    private async Task<int> ExpireDueAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        var (replacements, termsOf) = await ReplacementsAsync(opportunityId, cancellationToken);
        await using var unit = await opportunities.BeginAsync(cancellationToken);
        if (await opportunities.LoadAsync(unit, opportunityId, cancellationToken) is not { } aggregate)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var due = aggregate.Due(now);
        if (due.Count == 0)
        {
            return 0;
        }
        var outcome = aggregate.ExpireDue(now, replacements, options.Value.DefaultAcceptWindow, termsOf);
        await opportunities.SaveAsync(unit, aggregate, cancellationToken);
        await unit.PublishEventsAsync(outcome, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        foreach (var invitation in due)
        {
            metrics.Answered(aggregate.Invitation(invitation.Id)!, aggregate.Opportunity, now);
        }
        foreach (var offered in aggregate.Offered)
        {
            metrics.Invited(aggregate.Opportunity);
            logger.LogInformation("Invited next-best partner {Partner} to opportunity {Opportunity} in place of an expired invitation",
                offered.InviteePartnerId, opportunityId);
        }
        return due.Count;
    }

    /// <summary>
    /// Matching's next-best partners, asked before the unit begins (no remote call while holding the write turn), with the
    /// opportunity's program terms for each: a replacement is invited under the program's management as one invited by
    /// hand is. Twice as many as are due are asked for, since the program may pass some over (influencers).
    /// </summary>
    private async Task<(IReadOnlyList<Guid> Candidates, Func<Guid, Engagement?>? TermsOf)> ReplacementsAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        var opportunity = await opportunities.GetAsync(opportunityId, cancellationToken);
        if (opportunity is not { AutoInviteNextBest: true } || !OpportunityLifecycle.IsLive(opportunity.Status))
        {
            return ([], null);
        }
        var invitations = await opportunities.InvitationsOfAsync(opportunityId, cancellationToken);
        var due = new OpportunityAggregate(opportunity, invitations).Due(clock.GetUtcNow()).Count;
        if (due == 0)
        {
            return ([], null);
        }
        var candidates = await NextBestAsync(opportunity, invitations, opportunity.VendorId is null ? due : 2 * due, cancellationToken);
        if (opportunity.VendorId is not { } vendor || candidates.Count == 0)
        {
            return (candidates, null);
        }
        var management = await programs.GetAsync(vendor, cancellationToken);
        if (management.CategoryModes.Count == 0)
        {
            return (candidates, null);
        }
        try
        {
            var profiles = await directory.ProfilesAsync(candidates, cancellationToken);
            var now = clock.GetUtcNow();
            return (candidates, candidate => management.Engage(profiles.GetValueOrDefault(candidate)?.Category, now));
        }
        catch (RpcException exception)
        {
            // Without the candidates' categories the program's terms are unknown: expire now, invite no one this time.
            logger.LogWarning(exception, "The directory could not say the replacements' categories for opportunity {Opportunity}", opportunity.Id);
            return ([], null);
        }
    }

    private async Task<IReadOnlyList<Guid>> NextBestAsync(Opportunity opportunity, IReadOnlyList<Invitation> invited, int count, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await matchmaker.FindPartnersAsync(new FindPartnersRequest
            {
                OwnerPartnerId = opportunity.OwnerPartnerId.ToString(),
                Region = opportunity.Region,
                Limit = count,
                Needs = { opportunity.Needs.Select(n => new Need { Capability = n.Capability, MustHave = n.MustHave }) },
                ExcludedPartnerIds = { invited.Select(i => i.InviteePartnerId.ToString()) },
            }, cancellationToken: cancellationToken);
            return reply.Candidates.Select(c => Guid.Parse(c.PartnerId)).ToList();
        }
        catch (RpcException exception)
        {
            // The invitation still expires now; the opportunity just gets no automatic replacement this time.
            logger.LogWarning(exception, "Matching could not suggest a replacement for opportunity {Opportunity}", opportunity.Id);
            return [];
        }
    }
}
