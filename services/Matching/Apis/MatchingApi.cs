using System.Security.Claims;
using EcosystemMarket.Matching.Grpc;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Matching.Apis;

public static class MatchingApi
{
    public static RouteGroupBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags("Matching");
        api.MapPost("/search", SearchPartners).WithName(nameof(SearchPartners))
            .WithSummary("Preview the complementary partners for a set of needs, ranked and explained");
        return api;
    }

    public sealed record SearchRequest(IReadOnlyList<Need>? Needs, string? Region, IReadOnlyList<Guid>? ExcludedPartnerIds, int? Limit);

    public static async Task<Results<Ok<MatchResult>, ValidationProblem, ProblemHttpResult>> SearchPartners(
        SearchRequest request, ClaimsPrincipal user, PartnerIndex index, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Searching for partners needs a token acting for a partner.");
        }
        var errors = new ValidationErrors();
        if (request.Needs is not { Count: > 0 and <= 50 } || request.Needs.Any(n => string.IsNullOrWhiteSpace(n?.Capability)))
        {
            errors.Add("needs", "'needs' must list 1 to 50 capabilities, each with a 'capability' code.");
        }
        var limit = request.Limit ?? 20;
        if (limit is < 1 or > MatchmakerService.MaxLimit)
        {
            errors.Add("limit", $"'limit' must be between 1 and {MatchmakerService.MaxLimit}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var result = await index.FindAsync(new MatchRequest(owner, request.Needs!, request.Region,
            (request.ExcludedPartnerIds ?? []).ToHashSet(), limit), cancellationToken);
        return TypedResults.Ok(result);
    }
}
