using System.Security.Claims;
using PairHealth = EcosystemMarket.Contracts.Matching.PairHealth;
using EcosystemMarket.Matching.Grpc;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.Matching.Telemetry;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Matching.Apis;

public static class MatchingApi
{
    public static readonly IReadOnlyList<int> WindowDays = [30, 90, 365];

    public static RouteGroupBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags("Matching");
        api.MapPost("/search", SearchPartners).WithName(nameof(SearchPartners))
            .WithSummary("Preview the complementary partners for a set of needs, ranked and explained");
        api.MapGet("/relationships", GetRelationships).WithName(nameof(GetRelationships))
            .WithSummary("Relationship health between partner pairs over a window: a partner sees its own pairs, a vendor its program's, an admin all");
        return api;
    }

    public sealed record SearchRequest(IReadOnlyList<Need>? Needs, string? Region, string? Vertical, IReadOnlyList<Guid>? ExcludedPartnerIds, int? Limit);

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
            (request.ExcludedPartnerIds ?? []).ToHashSet(), limit))));
    }

    /// <param name="Names">The name of every partner the pairs mention, as the index knows it, so that a reader need not look each up.</param>
    public sealed record RelationshipsView(int WindowDays, IReadOnlyList<PairHealth> Pairs, IReadOnlyDictionary<Guid, string> Names);

    public static Results<Ok<RelationshipsView>, ValidationProblem, ProblemHttpResult> GetRelationships(
        Guid? partnerId, int? windowDays, ClaimsPrincipal user, PartnerIndex index, TrackRecord record, TimeProvider clock)
    {
        var days = windowDays ?? 90;
        if (!WindowDays.Contains(days))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["windowDays"] = [$"'windowDays' must be one of {string.Join(", ", WindowDays)}."] });
        }

        // A partner sees the pairs it is part of; a vendor those of its program's members; an admin any partner's, or all.
        IEnumerable<Guid> subjects;
        if (user.IsAdmin())
        {
            subjects = partnerId is { } anyPartner ? [anyPartner] : record.PartnersWithFacts();
        }
        else if (user.VendorId() is { } vendor)
        {
            subjects = index.Read(view => view.All.Where(p => p.ProgramMemberships.Contains(vendor)).Select(p => p.Id).ToList());
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
        var seen = new HashSet<(Guid, Guid)>();
        var pairs = new List<PairHealth>();
        foreach (var subject in subjects)
        {
            var (invitations, wins) = record.FactsOf(subject);
            foreach (var pair in RelationshipHealth.For(subject, invitations, wins, TimeSpan.FromDays(days), now))
            {
                var key = pair.PartnerId.CompareTo(pair.CounterpartId) < 0 ? (pair.PartnerId, pair.CounterpartId) : (pair.CounterpartId, pair.PartnerId);
                if (seen.Add(key))
                {
                    pairs.Add(pair);
                }
            }
        }
        var names = index.Read(view => pairs.SelectMany(p => (Guid[])[p.PartnerId, p.CounterpartId]).Distinct()
            .Select(view.Get).OfType<IndexedPartner>().ToDictionary(p => p.Snapshot.PartnerId, p => p.Snapshot.Name));
        return TypedResults.Ok(new RelationshipsView(days, pairs, names));
    }
}
