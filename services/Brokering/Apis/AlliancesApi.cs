using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>
/// Alliances: proposed, answered and left by their members, who share opportunities with them and read the shared
/// pipeline. Anyone not listed as a member is told there is no such alliance (404), as for opportunities.
/// </summary>
public static class AlliancesApi
{
    public static RouteGroupBuilder MapAlliancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alliances").WithTags("Alliances");
        api.MapPost("/", ProposeAlliance).WithName(nameof(ProposeAlliance)).WithSummary("Propose an alliance; every other member is asked to accept");
        api.MapGet("/", ListMyAlliances).WithName(nameof(ListMyAlliances)).WithSummary("The alliances the caller is a member of, with their state");
        api.MapGet("/{id:guid}", GetAlliance).WithName(nameof(GetAlliance)).WithSummary("An alliance: members with names and answers, scope and level");
        api.MapPost("/{id:guid}/accept", AcceptAlliance).WithName(nameof(AcceptAlliance)).WithSummary("Accept a proposal; the last acceptance forms the alliance");
        api.MapPost("/{id:guid}/decline", DeclineAlliance).WithName(nameof(DeclineAlliance)).WithSummary("Decline a proposal, which ends it");
        api.MapPost("/{id:guid}/leave", LeaveAlliance).WithName(nameof(LeaveAlliance)).WithSummary("Leave; with fewer than two members left the alliance ends");
        api.MapPost("/{id:guid}/shared-opportunities", ShareOpportunity).WithName(nameof(ShareOpportunity))
            .WithSummary("Share one of the caller's opportunities within the alliance's scope");
        api.MapDelete("/{id:guid}/shared-opportunities/{opportunityId:guid}", UnshareOpportunity).WithName(nameof(UnshareOpportunity))
            .WithSummary("Take a shared opportunity back");
        api.MapGet("/{id:guid}/pipeline", GetAlliancePipeline).WithName(nameof(GetAlliancePipeline))
            .WithSummary("The shared opportunities at the alliance's level, with the allies who could team on each");
        api.MapGet("/{id:guid}/results", GetAllianceResults).WithName(nameof(GetAllianceResults))
            .WithSummary("Shared, teamed and won opportunities, and value won per currency");
        app.MapGet("/api/opportunities/{id:guid}/alliances", GetOpportunitySharing).WithTags("Alliances").WithName(nameof(GetOpportunitySharing))
            .WithSummary("The alliances the owner shares this opportunity with");
        return api;
    }

    public static async Task<Results<Created<AllianceView>, ValidationProblem, ProblemHttpResult>> ProposeAlliance(
        ProposeAllianceRequest request, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } proposer)
        {
            return ProblemResults.NoPartner();
        }
        var errors = request.Validate(proposer);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var scope = (request.Scope ?? new AllianceScopeInput(null, null, null)).ToModel();
        var unknown = await Participation.UnknownCodesAsync(directory, "scope.capabilities", scope.Capabilities, cancellationToken);
        if (!unknown.IsValid)
        {
            return TypedResults.ValidationProblem(unknown.ToDictionary());
        }
        var profiles = await directory.ProfilesAsync([proposer, .. request.Members!], cancellationToken);
        if (Participation.RefusedMembers(proposer, request.Members!, profiles) is { } refused)
        {
            return refused;
        }

        var (aggregate, outcome) = AllianceAggregate.Propose(Guid.CreateVersion7(), request.Name!.Trim(), proposer, request.Members!, scope,
            SharingLevels.Parse(request.SharingLevel)!.Value, clock.GetUtcNow());
        if (aggregate is null)
        {
            return ProblemResults.Refused(outcome.Violation!);
        }
        await using var unit = await alliances.BeginAsync(cancellationToken);
        await alliances.InsertAsync(unit, aggregate, cancellationToken);
        await unit.PublishEventsAsync(outcome, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/alliances/{aggregate.Alliance.Id}", AllianceView.Of(aggregate, profiles));
    }

    public static async Task<Results<Ok<Page<AllianceSummaryView>>, ValidationProblem, ProblemHttpResult>> ListMyAlliances(
        string? cursor, int? limit, ClaimsPrincipal user, AllianceRepository alliances, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } partner)
        {
            return ProblemResults.NoPartner();
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = Paging.ToPage(await alliances.PageOfPartnerAsync(partner, after, take + 1, cancellationToken), take, AllianceRepository.CursorOf);
        return TypedResults.Ok(new Page<AllianceSummaryView>(page.Items.Select(a => AllianceSummaryView.Of(a, partner)).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<AllianceView>, NotFound>> GetAlliance(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, CancellationToken cancellationToken)
    {
        if (await alliances.GetAsync(id, cancellationToken) is not { } aggregate || !(aggregate.IsMember(user.PartnerId()) || user.IsAdmin()))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(AllianceView.Of(aggregate, await directory.ProfilesAsync(aggregate.Members.Select(m => m.PartnerId).ToList(), cancellationToken)));
    }

    public static Task<Results<Ok<AllianceView>, NotFound, ProblemHttpResult>> AcceptAlliance(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, TimeProvider clock, CancellationToken cancellationToken) =>
        AnswerAsync(id, user, alliances, directory, clock, (aggregate, partner, now) => aggregate.Accept(partner, now), cancellationToken);

    public static Task<Results<Ok<AllianceView>, NotFound, ProblemHttpResult>> DeclineAlliance(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, TimeProvider clock, CancellationToken cancellationToken) =>
        AnswerAsync(id, user, alliances, directory, clock, (aggregate, partner, now) => aggregate.Decline(partner, now), cancellationToken);

    public static Task<Results<Ok<AllianceView>, NotFound, ProblemHttpResult>> LeaveAlliance(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, TimeProvider clock, CancellationToken cancellationToken) =>
        AnswerAsync(id, user, alliances, directory, clock, (aggregate, partner, now) => aggregate.Leave(partner, now), cancellationToken);

    public static async Task<Results<Ok<SharedOpportunity>, ValidationProblem, NotFound, ProblemHttpResult>> ShareOpportunity(
        Guid id, ShareOpportunityRequest request, ClaimsPrincipal user, AllianceRepository alliances, OpportunityRepository opportunities,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.OpportunityId is not { } opportunityId || opportunityId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["opportunityId"] = ["'opportunityId' must name one of your opportunities."] });
        }
        // Another partner's opportunity is answered as none at all, as everywhere else.
        var (changed, problem) = await ChangeAsync(id, user, alliances, clock, async (unit, aggregate, partner, now) =>
            await opportunities.GetAsync(unit, opportunityId, cancellationToken) is { } opportunity && opportunity.IsOwnedBy(partner)
                ? aggregate.Share(opportunity, partner, now)
                : null, cancellationToken);
        return (changed, problem) switch
        {
            ({ } shared, _) => TypedResults.Ok(shared.Shared.Single(s => s.OpportunityId == opportunityId)),
            (_, { } refused) => refused,
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> UnshareOpportunity(
        Guid id, Guid opportunityId, ClaimsPrincipal user, AllianceRepository alliances, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (changed, problem) = await ChangeAsync(id, user, alliances, clock,
            (_, aggregate, partner, now) => Task.FromResult<Outcome?>(aggregate.Unshare(opportunityId, partner, now)), cancellationToken);
        return (changed, problem) switch
        {
            ({ }, _) => TypedResults.NoContent(),
            (_, { } refused) => refused,
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<Page<AlliancePipelineEntry>>, ValidationProblem, NotFound, ProblemHttpResult>> GetAlliancePipeline(
        Guid id, string? cursor, int? limit, ClaimsPrincipal user, AllianceRepository alliances, OpportunityRepository opportunities,
        IPartnerDirectoryChecks directory, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var (aggregate, forbidden) = await ReadableAsync(id, user, alliances, cancellationToken);
        if (aggregate is null)
        {
            return forbidden is null ? TypedResults.NotFound() : forbidden;
        }
        var page = Paging.ToPage(await alliances.PageSharedAsync(id, after, take + 1, cancellationToken), take, AllianceRepository.CursorOf);
        var members = aggregate.ActiveMembers.ToList();
        var shared = await SharedWithTeamsAsync(page.Items, opportunities, cancellationToken);
        var profiles = await directory.ProfilesAsync(members.Union(page.Items.Select(s => s.OwnerPartnerId)).ToList(), cancellationToken);
        var entries = page.Items.Where(s => shared.ContainsKey(s.OpportunityId))
            .Select(s => AlliancePipelineEntry.Of(aggregate.Alliance, s, shared[s.OpportunityId].Opportunity, shared[s.OpportunityId].Team, members, profiles, user.PartnerId()))
            .ToList();
        return TypedResults.Ok(new Page<AlliancePipelineEntry>(entries, page.NextCursor));
    }

    public static async Task<Results<Ok<AllianceResults>, NotFound, ProblemHttpResult>> GetAllianceResults(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        var (aggregate, forbidden) = await ReadableAsync(id, user, alliances, cancellationToken);
        if (aggregate is null)
        {
            return forbidden is null ? TypedResults.NotFound() : forbidden;
        }
        var shared = await SharedWithTeamsAsync(aggregate.Shared, opportunities, cancellationToken);
        return TypedResults.Ok(AllianceResults.Of(aggregate.ActiveMembers.ToList(), shared.Values));
    }

    public static async Task<Results<Ok<OpportunitySharingView>, NotFound>> GetOpportunitySharing(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, AllianceRepository alliances, CancellationToken cancellationToken)
    {
        if (await opportunities.GetAsync(id, cancellationToken) is not { } opportunity || !(opportunity.IsOwnedBy(user.PartnerId()) || user.IsAdmin()))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new OpportunitySharingView(id, await alliances.AlliancesSharingAsync(id, cancellationToken)));
    }

    private static async Task<Results<Ok<AllianceView>, NotFound, ProblemHttpResult>> AnswerAsync(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, IPartnerDirectoryChecks directory, TimeProvider clock,
        Func<AllianceAggregate, Guid, DateTimeOffset, Outcome> decide, CancellationToken cancellationToken)
    {
        var (changed, problem) = await ChangeAsync(id, user, alliances, clock,
            (_, aggregate, partner, now) => Task.FromResult<Outcome?>(decide(aggregate, partner, now)), cancellationToken);
        return (changed, problem) switch
        {
            ({ } answered, _) => TypedResults.Ok(AllianceView.Of(answered,
                await directory.ProfilesAsync(answered.Members.Select(m => m.PartnerId).ToList(), cancellationToken))),
            (_, { } refused) => refused,
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>
    /// Load, let the aggregate decide, save from the version read, publish, commit: a lost race is a 409 (ConcurrencyConflictHandler).
    /// Answers the aggregate as changed; a refusal as a problem; neither when there is nothing the caller may act on (404).
    /// A decision that changes nothing (asked again) saves nothing.
    /// </summary>
    private static async Task<(AllianceAggregate? Changed, ProblemHttpResult? Problem)> ChangeAsync(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, TimeProvider clock,
        Func<UnitOfWork, AllianceAggregate, Guid, DateTimeOffset, Task<Outcome?>> decide, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } partner)
        {
            return (null, ProblemResults.NoPartner());
        }
        await using var unit = await alliances.BeginAsync(cancellationToken);
        if (await alliances.LoadAsync(unit, id, cancellationToken) is not { } aggregate || !aggregate.IsMember(partner)
            || await decide(unit, aggregate, partner, clock.GetUtcNow()) is not { } outcome)
        {
            return (null, null);
        }
        if (outcome.Violation is { } violation)
        {
            return (null, ProblemResults.Refused(violation));
        }
        if (aggregate.HasChanges)
        {
            await alliances.SaveAsync(unit, aggregate, cancellationToken);
            await unit.PublishEventsAsync(outcome, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }
        return (aggregate, null);
    }

    /// <summary>
    /// An alliance whose pipeline the caller may read: a member taking part in it while in force (or an admin). A member
    /// who has not accepted, declined or left is forbidden; anyone else gets neither (404).
    /// </summary>
    private static async Task<(AllianceAggregate? Aggregate, ProblemHttpResult? Forbidden)> ReadableAsync(
        Guid id, ClaimsPrincipal user, AllianceRepository alliances, CancellationToken cancellationToken)
    {
        var aggregate = await alliances.GetAsync(id, cancellationToken);
        if (aggregate is null || !(aggregate.IsMember(user.PartnerId()) || user.IsAdmin()))
        {
            return (null, null);
        }
        if (!aggregate.IsActiveMember(user.PartnerId()) && !user.IsAdmin())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only members taking part see the shared pipeline.",
                detail: $"The alliance is {aggregate.Alliance.State}; your answer is {aggregate.Member(user.PartnerId())!.Status}.", type: ProblemResults.RuleViolationType));
        }
        return (aggregate, null);
    }

    /// <summary>The shared opportunities that still exist, each with its team.</summary>
    private static async Task<Dictionary<Guid, (Opportunity Opportunity, OpportunityTeam Team)>> SharedWithTeamsAsync(
        IReadOnlyList<SharedOpportunity> shared, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        var ids = shared.Select(s => s.OpportunityId).ToList();
        var invitations = await opportunities.InvitationsOfManyAsync(ids, cancellationToken);
        return (await opportunities.GetManyAsync(ids, cancellationToken))
            .ToDictionary(o => o.Id, o => (o, OpportunityTeam.Of(o, invitations[o.Id])));
    }
}
