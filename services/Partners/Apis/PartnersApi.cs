using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcosystemMarket.Partners.Apis;

public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners").WithTags("Partners");
        api.MapPost("/", RegisterPartner).WithName(nameof(RegisterPartner)).WithSummary("Register the caller's organisation as a partner");
        api.MapGet("/", SearchPartners).WithName(nameof(SearchPartners))
            .WithSummary("Search the directory by function, category, tier, region, capability, certification vendor and name");
        api.MapGet("/taxonomy", GetTaxonomy).WithName(nameof(GetTaxonomy))
            .WithSummary("The vocabularies a profile chooses from: functions and their categories, tiers, verticals, specializations, proficiencies");
        api.MapGet("/{id:guid}", GetPartner).WithName(nameof(GetPartner)).WithSummary("Read a partner profile with the evidence for each capability");
        api.MapPut("/{id:guid}", UpdatePartner).WithName(nameof(UpdatePartner)).WithSummary("Update the caller's own profile; If-Match (its ETag) is required: 428 without it, 412 when stale");
        api.MapPost("/{id:guid}/deactivate", DeactivatePartner).WithName(nameof(DeactivatePartner))
            .WithSummary("Withdraw a partner from search and matching; its profile stays readable");
        return api;
    }

    public static async Task<Results<Created<PartnerView>, ValidationProblem, ProblemHttpResult>> RegisterPartner(
        PartnerProfile profile, ClaimsPrincipal user, HttpContext context, [AsParameters] PartnerServices services)
    {
        if (user.PartnerId() is not { } partnerId)
        {
            return ProblemResults.Forbidden("Only a user acting for an organisation can register it.", $"The token carries no '{ClaimNames.PartnerId}' claim.");
        }
        (profile, var errors) = await services.CheckAsync(profile);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var partner = await services.Partners.RegisterAsync(partnerId, profile, services.CancellationToken);
        if (partner is null)
        {
            return ProblemResults.Conflict("This organisation is already registered.", $"Partner {partnerId} exists; update it with PUT /api/partners/{partnerId}.");
        }
        context.Response.Headers.ETag = ETagOf(partner);
        return TypedResults.Created($"/api/partners/{partner.Id}", PartnerView.Of(partner, services.Clock.TodayUtc()));
    }

    public static async Task<Results<Ok<Page<PartnerView>>, ValidationProblem>> SearchPartners(
        [AsParameters] PartnerSearchRequest request, [AsParameters] PartnerServices services)
    {
        var taxonomy = await services.Capabilities.KnowingAsync(request.Capability is { } code ? [code] : [], services.CancellationToken);
        var errors = request.Validate(taxonomy, out var query, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var today = services.Clock.TodayUtc();
        var fetched = await services.Partners.SearchAsync(query, today, after, take + 1, services.CancellationToken);
        var page = Paging.ToPage(fetched, take, p => new PageCursor(p.Name, p.Id));
        return TypedResults.Ok(new Page<PartnerView>(page.Items.Select(p => PartnerView.Of(p, today)).ToList(), page.NextCursor));
    }

    public static Ok<TaxonomyView> GetTaxonomy() => TypedResults.Ok(TaxonomyView.Current);

    public static async Task<Results<Ok<PartnerView>, NotFound>> GetPartner(Guid id, HttpContext context, [AsParameters] PartnerServices services)
    {
        var partner = await services.Partners.GetAsync(id, services.CancellationToken);
        if (partner is null)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.ETag = ETagOf(partner);
        return TypedResults.Ok(PartnerView.Of(partner, services.Clock.TodayUtc()));
    }

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, NotFound, ProblemHttpResult>> UpdatePartner(
        Guid id, PartnerProfile profile, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        HttpContext context, [AsParameters] PartnerServices services)
    {
        if (!user.ActsFor(id))
        {
            return ProblemResults.Forbidden("A partner can change only its own profile.");
        }
        if (ifMatch is null)
        {
            return Preconditions.Required(Preconditions.IfMatch,
                $"PUT replaces the whole profile: send If-Match with the ETag of GET /api/partners/{id}, so a change made meanwhile is not overwritten.");
        }
        (profile, var errors) = await services.CheckAsync(profile);
        if (!Preconditions.TryReadVersion(ifMatch, out var expectedVersion))
        {
            errors.Add("If-Match", "'If-Match' must be an ETag this API returned.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (outcome, partner) = await services.Partners.UpdateAsync(id, profile, expectedVersion, services.CancellationToken);
        return Answer(outcome, partner, context, services.Clock);
    }

    public static async Task<Results<Ok<PartnerView>, ValidationProblem, NotFound, ProblemHttpResult>> DeactivatePartner(
        Guid id, ClaimsPrincipal user, HttpContext context, [AsParameters] PartnerServices services)
    {
        if (!user.ActsFor(id))
        {
            return ProblemResults.Forbidden("Only the partner itself or an administrator can deactivate it.");
        }
        var (outcome, partner) = await services.Partners.DeactivateAsync(id, services.CancellationToken);
        return Answer(outcome, partner, context, services.Clock);
    }

    private static Results<Ok<PartnerView>, ValidationProblem, NotFound, ProblemHttpResult> Answer(
        ChangeOutcome outcome, Partner? partner, HttpContext context, TimeProvider clock)
    {
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return TypedResults.NotFound();
            case ChangeOutcome.Inactive:
                return ProblemResults.Conflict("The partner is deactivated.", $"Partner {partner!.Id} was deactivated; its profile can be read but no longer changed.");
            case ChangeOutcome.Stale:
                return Preconditions.Failed("The profile changed since you read it.", $"Current ETag is {ETagOf(partner!)}; read it again and reapply your change.");
            default:
                context.Response.Headers.ETag = ETagOf(partner!);
                return TypedResults.Ok(PartnerView.Of(partner!, clock.TodayUtc()));
        }
    }

    private static string ETagOf(Partner partner) => Preconditions.ETagOf(partner.Version);
}
