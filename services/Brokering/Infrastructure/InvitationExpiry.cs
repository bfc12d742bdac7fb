using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>
/// Expires invitations nobody answered by their accept-by time, on the injected clock. When the owner
/// allowed it, the next-best partner Matching suggests (excluding everyone invited before) is invited on
/// the same terms in the same transaction. Safe with several replicas: an invitation is expired only if it
/// is still pending inside the transaction, and SQLite/SQL Server serialise the writers.
/// </summary>
public sealed class InvitationExpiry(
    OpportunityRepository opportunities, Matchmaker.MatchmakerClient matchmaker, BrokeringMetrics metrics, TimeProvider clock,
    IOptions<InvitationOptions> options, ILogger<InvitationExpiry> logger) : BackgroundService
{
    private const int BatchSize = 100;

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

    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        foreach (var overdue in await opportunities.OverdueAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            var opportunity = await opportunities.GetAsync(overdue.OpportunityId, cancellationToken);
            var replacement = opportunity is { AutoInviteNextBest: true } && OpportunityLifecycle.IsLive(opportunity.Status)
                ? await NextBestAsync(opportunity, cancellationToken)
                : null;

            await using var unit = await opportunities.BeginAsync(cancellationToken);
            var invitation = await opportunities.GetInvitationAsync(unit, overdue.Id, cancellationToken);
            if (invitation is not { Status: InvitationStatus.Pending })
            {
                continue;
            }
            var now = clock.GetUtcNow();
            var expiredInvitation = invitation with { Status = InvitationStatus.Expired };
            await opportunities.UpdateInvitationResponseAsync(unit, expiredInvitation, cancellationToken);
            await unit.PublishAsync(new InvitationExpired
            {
                InvitationId = invitation.Id, OpportunityId = invitation.OpportunityId, OwnerPartnerId = invitation.OwnerPartnerId,
                InviteePartnerId = invitation.InviteePartnerId, AcceptBy = invitation.AcceptBy, OccurredAt = now,
            }, cancellationToken);

            var reinvited = false;
            if (replacement is { } next && opportunity is not null
                && DealRules.CanInvite(opportunity, next, await opportunities.InvitationsOfAsync(unit, opportunity.Id, cancellationToken)) is null)
            {
                reinvited = true;
                var offer = InvitationOffers.Offer(opportunity, next, invitation.Role, invitation.Reward, now + options.Value.DefaultAcceptWindow, now);
                await opportunities.InsertInvitationAsync(unit, offer, cancellationToken);
                await unit.PublishAsync(offer.Announcement(), cancellationToken);
                logger.LogInformation("Invitation {Expired} expired; invited next-best partner {Partner} to opportunity {Opportunity}",
                    invitation.Id, next, opportunity.Id);
            }
            await unit.CommitAsync(cancellationToken);
            metrics.Answered(expiredInvitation, opportunity, now);
            if (reinvited)
            {
                metrics.Invited(opportunity);
            }
            expired++;
        }
        return expired;
    }

    private async Task<Guid?> NextBestAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        var invited = await opportunities.InvitationsOfAsync(opportunity.Id, cancellationToken);
        try
        {
            var reply = await matchmaker.FindPartnersAsync(new FindPartnersRequest
            {
                OwnerPartnerId = opportunity.OwnerPartnerId.ToString(),
                Region = opportunity.Region,
                Limit = 1,
                Needs = { opportunity.Needs.Select(n => new Need { Capability = n.Capability, MustHave = n.MustHave }) },
                ExcludedPartnerIds = { invited.Select(i => i.InviteePartnerId.ToString()) },
            }, cancellationToken: cancellationToken);
            return reply.Candidates.Count > 0 ? Guid.Parse(reply.Candidates[0].PartnerId) : null;
        }
        catch (RpcException exception)
        {
            // The invitation still expires now; the opportunity just gets no automatic replacement this time.
            logger.LogWarning(exception, "Matching could not suggest a replacement for opportunity {Opportunity}", opportunity.Id);
            return null;
        }
    }
}
