using System.Security.Claims;
using PairHealth = EcosystemMarket.Contracts.Matching.PairHealth;
using RelationshipsView = EcosystemMarket.Contracts.Matching.RelationshipsView;
using EcosystemMarket.Matching.Grpc;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.Matching.Telemetry;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using EcosystemMarket.ServiceDefaults.OpenApi;

namespace EcosystemMarket.Matching.Apis;

public static class MatchingApi
{
    public static RouteGroupBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags("Matching");
        api.MapPost("/search", SearchPartners).WithName(nameof(SearchPartners))
            .WithSummary("Preview the complementary partners for a set of needs, ranked and explained");
        api.MapGet("/relationships", GetRelationships).WithName(nameof(GetRelationships))
            .WithSummary("Relationship health between partner pairs over a window: a partner sees its own pairs, a vendor its program's, an admin all");
        return api;
    }

    [ValidationRequires(nameof(Needs))]
    public sealed record SearchRequest(IReadOnlyList<Need>? Needs, string? Region, string? Vertical, IReadOnlyList<Guid>? ExcludedPartnerIds, int? Limit, Guid? BlueprintId = null);

    public static Results<Ok<MatchResult>, ValidationProblem, ProblemHttpResult> SearchPartners(
        SearchRequest request, ClaimsPrincipal user, PartnerMatcher matcher, MatchingMetrics metrics)
    {
        if (user.PartnerId() is not { } owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Searching for partners needs a token acting for a partner.");
        }
        var errors = new ValidationErrors();
        if (request.Needs is not { Count: > 0 and <= ComplementRanker.MaxNeeds } || request.Needs.Any(n => string.IsNullOrWhiteSpace(n?.Capability)))
        {
            errors.Add("needs", $"'needs' must list 1 to {ComplementRanker.MaxNeeds} capabilities, each with a 'capability' code.");
        }
        var limit = request.Limit ?? MatchmakerService.DefaultLimit;
        if (limit is < 1 or > MatchmakerService.MaxLimit)
        {
            errors.Add("limit", $"'limit' must be between 1 and {MatchmakerService.MaxLimit}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (!matcher.IsReady)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The partner index is still bootstrapping; retry shortly.");
        }
        return TypedResults.Ok(metrics.Searched(matcher.Find(new MatchRequest(owner, request.Needs!, request.Region, request.Vertical,
            (request.ExcludedPartnerIds ?? []).ToHashSet(), limit) { Blueprint = request.BlueprintId })));
    }

    public static Results<Ok<RelationshipsView>, ValidationProblem, ProblemHttpResult> GetRelationships(
        Guid? partnerId, string? vendor, int? windowDays, string? cursor, int? limit, ClaimsPrincipal user, PartnerIndex index, TrackRecord record, TimeProvider clock)
    {
        var days = windowDays ?? 90;
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        var afterRank = after is null ? null : PairRank.FromCursor(after);
        if (after is not null && afterRank is null)
        {
            errors.Add("cursor", "'cursor' is not a cursor this API returned.");
        }
        if (!RelationshipsView.Windows.Contains(days))
        {
            errors.Add("windowDays", $"'windowDays' must be one of {string.Join(", ", RelationshipsView.Windows)}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // A partner sees the pairs it is part of; a vendor those of its program's members; an admin any partner's, any program's, or all.
        IEnumerable<Guid> subjects;
        if (user.IsAdmin())
        {
            subjects = partnerId is { } anyPartner ? [anyPartner] : vendor is { Length: > 0 } anyProgram ? MembersOf(anyProgram, index) : record.PartnersWithFacts();
        }
        else if (user.VendorId() is { } ownProgram)
        {
            subjects = MembersOf(ownProgram, index);
        }
        else if (user.PartnerId() is { } own && (partnerId is null || partnerId == own))
        {
            subjects = [own];
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A partner sees only relationships it is part of.");
        }

        var now = clock.GetUtcNow();
        var ranked = new Dictionary<(Guid, Guid), (PairHealth Pair, PairRank Rank)>();
        foreach (var subject in subjects)
        {
            foreach (var pair in RelationshipHealth.For(subject, record.FactsOf(subject), TimeSpan.FromDays(days), now))
            {
                var rank = PairRank.Of(pair);
                ranked.TryAdd((rank.Low, rank.High), (pair, rank));
            }
        }
        var page = Paging.ToPage(
            ranked.Values.Where(p => afterRank is not { } last || p.Rank.CompareTo(last) > 0).OrderBy(p => p.Rank).Take(take + 1).ToList(),
            take, p => p.Rank.ToCursor());
        var pairs = page.Items.Select(p => p.Pair).ToList();
        var names = index.Read(view => pairs.SelectMany(p => (Guid[])[p.PartnerId, p.CounterpartId]).Distinct()
            .Select(view.Get).OfType<IndexedPartner>().ToDictionary(p => p.Id, p => p.Name));
        return TypedResults.Ok(new RelationshipsView(days, pairs, names, ranked.Count, page.NextCursor));
    }

    private static List<Guid> MembersOf(string vendor, PartnerIndex index) =>
        index.Read(view => view.All.Where(p => p.ProgramMemberships.Contains(vendor)).Select(p => p.Id).ToList());
}
