using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Brokering.Apis;

public static class InvitationsApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/invitations").WithTags("Invitations");
        api.MapGet("/", ListReceivedInvitations).WithName(nameof(ListReceivedInvitations)).WithSummary("Invitations addressed to the caller");
        api.MapGet("/{id:guid}", GetInvitation).WithName(nameof(GetInvitation)).WithSummary("One invitation, for its invitee or the opportunity's owner");
        api.MapPost("/{id:guid}/accept", AcceptInvitation).WithName(nameof(AcceptInvitation)).WithSummary("Accept: join the team and see the customer");
        api.MapPost("/{id:guid}/decline", DeclineInvitation).WithName(nameof(DeclineInvitation)).WithSummary("Decline, with a reason");

        var sent = app.MapGroup("/api/opportunities/{id:guid}/invitations").WithTags("Invitations");
        sent.MapPost("/", InvitePartner).WithName(nameof(InvitePartner)).WithSummary("Invite a partner, with a role, a reward and an accept-by time");
        sent.MapGet("/", ListInvitations).WithName(nameof(ListInvitations)).WithSummary("The invitations the owner sent");
        return api;
    }

    public static async Task<Results<Created<Invitation>, ValidationProblem, NotFound, ProblemHttpResult>> InvitePartner(
        Guid id, InviteRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, IPartnerDirectoryChecks directory, BrokeringMetrics metrics,
        ProgramManagementStore programs, TimeProvider clock, IOptions<InvitationOptions> options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = request.Validate(now);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // Ownership first (it never changes), so only the owner learns how the directory stands on the invitee.
        if (user.PartnerId() is not { } owner || await opportunities.GetAsync(id, cancellationToken) is not { } opportunity || !opportunity.IsOwnedBy(owner))
        {
            return TypedResults.NotFound();
        }
        var participants = await Participation.CheckAsync(directory, owner, request.PartnerId!.Value, cancellationToken);
        if (participants.Refused is { } refused)
        {
            return refused;
        }
        var engagement = await Participation.EngagementAsync(programs, opportunity, participants.CategoryOf(request.PartnerId!.Value), now, cancellationToken);

        await using var unit = await opportunities.BeginAsync(cancellationToken);
        if (await opportunities.LoadAsync(unit, id, cancellationToken) is not { } aggregate || !aggregate.IsOwnedBy(user.PartnerId()))
        {
            return TypedResults.NotFound();
        }
        var outcome = aggregate.Invite(request.PartnerId!.Value, request.Role!.Trim(), request.Terms!, request.AcceptBy ?? now + options.Value.DefaultAcceptWindow, now, engagement);
        if (outcome.Violation is { } violation)
        {
            return ProblemResults.Conflict(violation);
        }
        await opportunities.SaveAsync(unit, aggregate, cancellationToken);
        await unit.PublishEventsAsync(outcome, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        metrics.Invited(aggregate.Opportunity);
        var invitation = outcome.Invitation!;
        return TypedResults.Created($"/api/invitations/{invitation.Id}", invitation);
    }

    public static async Task<Results<Ok<IReadOnlyList<Invitation>>, NotFound>> ListInvitations(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        if (await opportunities.GetAsync(id, cancellationToken) is not { } opportunity || !opportunity.IsOwnedBy(user.PartnerId()))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await opportunities.InvitationsOfAsync(id, cancellationToken));
    }

    public static async Task<Results<Ok<Page<Invitation>>, ValidationProblem, ProblemHttpResult>> ListReceivedInvitations(
        string? cursor, int? limit, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } invitee)
        {
            return ProblemResults.NoPartner();
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await opportunities.PageReceivedAsync(invitee, after, take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(fetched, take, i => OpportunityRepository.CursorOf(i.CreatedAt, i.Id)));
    }

    public static async Task<Results<Ok<Invitation>, NotFound>> GetInvitation(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        var invitation = await opportunities.GetInvitationAsync(id, cancellationToken);
        var caller = user.PartnerId();
        return invitation is not null && (invitation.InviteePartnerId == caller || invitation.OwnerPartnerId == caller)
            ? TypedResults.Ok(invitation)
            : TypedResults.NotFound();
    }

    public static Task<Results<Ok<Invitation>, ValidationProblem, NotFound, ProblemHttpResult>> AcceptInvitation(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, IPartnerDirectoryChecks directory, BrokeringMetrics metrics, TimeProvider clock,
        CancellationToken cancellationToken) =>
        RespondAsync(id, accept: true, reason: null, user, opportunities, directory, metrics, clock, cancellationToken);

    public static async Task<Results<Ok<Invitation>, ValidationProblem, NotFound, ProblemHttpResult>> DeclineInvitation(
        Guid id, DeclineRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, IPartnerDirectoryChecks directory, BrokeringMetrics metrics,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ServiceDefaults.Problems.ValidationErrors().RequireText("reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await RespondAsync(id, accept: false, request.Reason!.Trim(), user, opportunities, directory, metrics, clock, cancellationToken);
    }

    private static async Task<Results<Ok<Invitation>, ValidationProblem, NotFound, ProblemHttpResult>> RespondAsync(
        Guid id, bool accept, string? reason, ClaimsPrincipal user, OpportunityRepository opportunities, IPartnerDirectoryChecks directory, BrokeringMetrics metrics,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // Declining needs no standing: a deactivated partner may still say no.
        if (accept && user.PartnerId() is { } invitee && await Participation.RefusedAsync(directory, invitee, invitee: null, cancellationToken) is { } refused)
        {
            return refused;
        }
        await using var unit = await opportunities.BeginAsync(cancellationToken);
        var aggregate = await opportunities.LoadByInvitationAsync(unit, id, cancellationToken);
        if (aggregate?.Invitation(id) is not { } invitation || invitation.InviteePartnerId != user.PartnerId())
        {
            return TypedResults.NotFound();
        }
        var wasOpen = aggregate.Opportunity.Status == OpportunityStatus.Open;
        var now = clock.GetUtcNow();
        var outcome = aggregate.Respond(id, accept, reason, now);
        if (outcome.Violation is { } violation)
        {
            return ProblemResults.Conflict(violation);
        }
        await opportunities.SaveAsync(unit, aggregate, cancellationToken);
        await unit.PublishEventsAsync(outcome, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        metrics.Answered(outcome.Invitation!, aggregate.Opportunity, now, formedTeam: wasOpen && aggregate.Opportunity.Status == OpportunityStatus.Teaming);
        return TypedResults.Ok(outcome.Invitation!);
    }
}
