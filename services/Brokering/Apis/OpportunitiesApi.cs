using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

public static class OpportunitiesApi
{
    public static RouteGroupBuilder MapOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities").WithTags("Opportunities");
        api.MapPost("/", PostOpportunity).WithName(nameof(PostOpportunity)).WithSummary("Post an opportunity (or save a draft); its customer stays private");
        api.MapGet("/suggested", ListSuggestedForMe).WithName(nameof(ListSuggestedForMe))
            .WithSummary("The opportunities the caller was suggested for, newest first, without their customer");
        api.MapGet("/", ListMyOpportunities).WithName(nameof(ListMyOpportunities)).WithSummary("The caller's own opportunities");
        api.MapGet("/{id:guid}", GetOpportunity).WithName(nameof(GetOpportunity)).WithSummary("An opportunity, as the caller may see it");
        api.MapGet("/{id:guid}/team", GetTeam).WithName(nameof(GetTeam)).WithSummary("The owner and the partners that accepted, for the team's members");
        api.MapGet("/{id:guid}/suggestions", SuggestPartners).WithName(nameof(SuggestPartners)).WithSummary("Complementary partners, ranked by Matching");
        return api;
    }

    public static async Task<Results<Created<OpportunityView>, ValidationProblem, ProblemHttpResult>> PostOpportunity(
        PostOpportunityRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, IPartnerDirectoryChecks directory, ProgramManagementStore programs,
        BrokeringMetrics metrics, TimeProvider clock, ILogger<Opportunity> logger, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } owner)
        {
            return ProblemResults.NoPartner();
        }
        var errors = request.Validate();
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        BlueprintNeeds? blueprint = null;
        if (request.BlueprintId is { } blueprintId)
        {
            blueprint = await directory.BlueprintAsync(blueprintId, cancellationToken);
            if (request.CheckBlueprint(blueprint) is { IsValid: false } blueprintErrors)
            {
                return TypedResults.ValidationProblem(blueprintErrors.ToDictionary());
            }
        }
        var needs = request.NeedsAround(blueprint);
        // Two questions to the directory, asked at once: each a round trip on the posting's path.
        var needsChecked = Participation.UnknownNeedsAsync(directory, needs, cancellationToken);
        var ownerChecked = Participation.CheckAsync(directory, owner, invitee: null, cancellationToken);
        await Task.WhenAll(needsChecked, ownerChecked);
        if (await needsChecked is { IsValid: false } unknownNeeds)
        {
            return TypedResults.ValidationProblem(unknownNeeds.ToDictionary());
        }
        if ((await ownerChecked).Refused is { } refused)
        {
            return refused;
        }
        var vendor = request.VendorId ?? blueprint?.VendorId;
        // The owner's mode is stamped now, from the profile the standing check read: later rules need no directory call.
        var ownerMode = vendor is null ? null : (await programs.GetAsync(vendor, cancellationToken)).ModeOf((await ownerChecked).CategoryOf(owner));

        var now = clock.GetUtcNow();
        var opportunity = new Opportunity
        {
            Id = Guid.CreateVersion7(),
            OwnerPartnerId = owner,
            VendorId = vendor,
            BlueprintId = blueprint?.Id,
            Customer = new Customer(request.Customer!.Name!.Trim(), request.Customer.Contact?.Trim()),
            Industry = request.Industry!.Trim(),
            Region = request.Region!,
            Size = request.Size!,
            Needs = needs,
            EstimatedValue = request.EstimatedValue!.Value,
            Currency = request.Currency!,
            CloseDate = request.CloseDate,
            Status = request.Draft ? OpportunityStatus.Draft : OpportunityStatus.Open,
            FinalValue = null,
            AutoInviteNextBest = request.AutoInviteNextBest,
            CreatedAt = now,
            UpdatedAt = now,
            PostedAt = request.Draft ? null : now,
            OwnerManagementMode = ownerMode,
        };

        await using var unit = await opportunities.BeginAsync(cancellationToken);
        await opportunities.InsertAsync(unit, opportunity, cancellationToken);
        if (opportunity.Status == OpportunityStatus.Open)
        {
            await unit.PublishAsync(opportunity.Posted(now), cancellationToken);
        }
        await unit.CommitAsync(cancellationToken);
        metrics.Moved(opportunity);
        // The customer stays out of logs as out of events: the id finds it for those allowed to see it.
        logger.LogInformation("Opportunity {OpportunityId} posted as {Status} by partner {OwnerPartnerId} for vendor {VendorId}",
            opportunity.Id, opportunity.Status, owner, opportunity.VendorId ?? "none");
        return TypedResults.Created($"/api/opportunities/{opportunity.Id}", OpportunityView.Of(opportunity, showCustomer: true));
    }

    public static async Task<Results<Ok<Page<OpportunityView>>, ValidationProblem, ProblemHttpResult>> ListMyOpportunities(
        string? cursor, int? limit, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } owner)
        {
            return ProblemResults.NoPartner();
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await opportunities.PageOwnedAsync(owner, after, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, o => OpportunityRepository.CursorOf(o.CreatedAt, o.Id));
        return TypedResults.Ok(new Page<OpportunityView>(page.Items.Select(o => OpportunityView.Of(o, showCustomer: true)).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<OpportunityView>, NotFound>> GetOpportunity(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        var opportunity = await opportunities.GetAsync(id, cancellationToken);
        if (opportunity is null)
        {
            return TypedResults.NotFound();
        }
        var caller = user.PartnerId();
        if (opportunity.IsOwnedBy(caller) || user.IsAdmin())
        {
            return TypedResults.Ok(OpportunityView.Of(opportunity, showCustomer: true));
        }

        // Other partners learn that an opportunity exists only through an invitation to it.
        var invitation = (await opportunities.InvitationsOfAsync(id, cancellationToken)).FirstOrDefault(i => i.InviteePartnerId == caller);
        return invitation is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(OpportunityView.Of(opportunity, showCustomer: invitation.Status == InvitationStatus.Accepted));
    }

    public static async Task<Results<Ok<OpportunityTeam>, NotFound>> GetTeam(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        if (await opportunities.GetAsync(id, cancellationToken) is not { } opportunity)
        {
            return TypedResults.NotFound();
        }
        var team = OpportunityTeam.Of(opportunity, await opportunities.InvitationsOfAsync(id, cancellationToken));
        // Not a member: as if there were no such opportunity, as for the opportunity itself.
        return team.Includes(user.PartnerId()) || user.IsAdmin() ? TypedResults.Ok(team) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<FindPartnersReply>, NotFound, ProblemHttpResult>> SuggestPartners(
        Guid id, int? limit, ClaimsPrincipal user, OpportunityRepository opportunities, AllianceRepository alliances, Matchmaker.MatchmakerClient matchmaker,
        SuggestionStore suggestions, TimeProvider clock, BrokeringMetrics metrics, ILogger<Opportunity> logger, CancellationToken cancellationToken)
    {
        var opportunity = await opportunities.GetAsync(id, cancellationToken);
        if (opportunity is null || !opportunity.IsOwnedBy(user.PartnerId()))
        {
            return TypedResults.NotFound();
        }
        var invited = await opportunities.InvitationsOfAsync(id, cancellationToken);
        var allies = (await alliances.InForceOfAsync(opportunity.OwnerPartnerId, cancellationToken)).SelectMany(a => a.AlliesFor(opportunity)).Distinct();
        var request = new FindPartnersRequest
        {
            OwnerPartnerId = opportunity.OwnerPartnerId.ToString(),
            Region = opportunity.Region,
            Limit = Math.Clamp(limit ?? 20, 1, 100),
            Needs = { opportunity.Needs.Select(n => new Need { Capability = n.Capability, MustHave = n.MustHave }) },
            ExcludedPartnerIds = { invited.Select(i => i.InviteePartnerId.ToString()) },
            BlueprintId = opportunity.BlueprintId?.ToString() ?? "",
            AllyPartnerIds = { allies.Select(a => a.ToString()) },
        };
        try
        {
            var reply = await matchmaker.FindPartnersAsync(request, cancellationToken: cancellationToken);
            metrics.Suggested(opportunity, reply.Candidates.Count);
            await suggestions.RecordAsync(SuggestionsOf(opportunity.Id, reply, clock.GetUtcNow()), cancellationToken);
            return TypedResults.Ok(reply);
        }
        catch (RpcException exception)
        {
            logger.LogWarning(exception, "Matching could not rank partners for opportunity {OpportunityId}", id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Matching is not available right now.",
                detail: "Try again shortly; your opportunity is saved.");
        }
    }

    public static async Task<Results<Ok<Page<SuggestedOpportunityView>>, ValidationProblem, ProblemHttpResult>> ListSuggestedForMe(
        string? cursor, int? limit, ClaimsPrincipal user, SuggestionStore suggestions, CancellationToken cancellationToken)
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
        var fetched = await suggestions.PageOfPartnerAsync(partner, after, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, SuggestionStore.CursorOf);
        return TypedResults.Ok(new Page<SuggestedOpportunityView>(page.Items.Select(SuggestedOpportunityView.Of).ToList(), page.NextCursor));
    }

    // Matching's reply, mapped at the edge: candidates come best first, so the rank is the position.
    private static IReadOnlyList<PartnerSuggestion> SuggestionsOf(Guid opportunityId, FindPartnersReply reply, DateTimeOffset now) =>
        reply.Candidates
            .Select((candidate, index) => Guid.TryParse(candidate.PartnerId, out var partner)
                ? new PartnerSuggestion(opportunityId, partner, index + 1, candidate.Score, candidate.Reasons.ToList(), now)
                : null)
            .OfType<PartnerSuggestion>()
            .ToList();
}
