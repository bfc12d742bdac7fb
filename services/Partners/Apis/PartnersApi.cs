using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcosystemMarket.Partners.Apis;

public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners").WithTags("Partners");
        api.MapPost("/", RegisterPartner).WithName(nameof(RegisterPartner)).WithSummary("Register the caller's organisation as a partner");
        api.MapGet("/", ListPartners).WithName(nameof(ListPartners)).WithSummary("Browse the partner directory by name");
        api.MapGet("/{id:guid}", GetPartner).WithName(nameof(GetPartner)).WithSummary("Read a partner profile");
        api.MapPut("/{id:guid}", UpdatePartner).WithName(nameof(UpdatePartner)).WithSummary("Update the caller's own profile (If-Match for optimistic concurrency)");
        return api;
    }

    public static async Task<Results<Created<Partner>, ValidationProblem, ProblemHttpResult>> RegisterPartner(
        PartnerProfile profile, ClaimsPrincipal user, PartnerRepository partners, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } partnerId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a user acting for an organisation can register it.",
                detail: $"The token carries no '{ClaimNames.PartnerId}' claim.");
        }
        var errors = profile.Validate();
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var partner = await partners.RegisterAsync(partnerId, profile, cancellationToken);
        return partner is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This organisation is already registered.",
                detail: $"Partner {partnerId} exists; update it with PUT /api/partners/{partnerId}.")
            : TypedResults.Created($"/api/partners/{partner.Id}", partner);
    }

    public static async Task<Results<Ok<Page<Partner>>, ValidationProblem>> ListPartners(
        string? cursor, int? limit, PartnerRepository partners, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await partners.PageAsync(after, take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(fetched, take, p => new PageCursor(p.Name, p.Id)));
    }

    public static async Task<Results<Ok<Partner>, NotFound>> GetPartner(
        Guid id, HttpContext context, PartnerRepository partners, CancellationToken cancellationToken)
    {
        var partner = await partners.GetAsync(id, cancellationToken);
        if (partner is null)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.ETag = ETagOf(partner);
        return TypedResults.Ok(partner);
    }

    public static async Task<Results<Ok<Partner>, ValidationProblem, NotFound, ProblemHttpResult>> UpdatePartner(
        Guid id, PartnerProfile profile, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        HttpContext context, PartnerRepository partners, CancellationToken cancellationToken)
    {
        if (!user.ActsFor(id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A partner can change only its own profile.");
        }
        var errors = profile.Validate();
        long? expectedVersion = null;
        if (ifMatch is not null)
        {
            if (long.TryParse(ifMatch.Trim('"'), out var version))
            {
                expectedVersion = version;
            }
            else
            {
                errors.Add("If-Match", "'If-Match' must be an ETag this API returned.");
            }
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (outcome, partner) = await partners.UpdateAsync(id, profile, expectedVersion, cancellationToken);
        switch (outcome)
        {
            case UpdateOutcome.NotFound:
                return TypedResults.NotFound();
            case UpdateOutcome.Stale:
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The profile changed since you read it.",
                    detail: $"Current ETag is {ETagOf(partner!)}; read it again and reapply your change.");
            default:
                context.Response.Headers.ETag = ETagOf(partner!);
                return TypedResults.Ok(partner!);
        }
    }

    private static string ETagOf(Partner partner) => $"\"{partner.Version}\"";
}
