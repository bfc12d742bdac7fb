using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Settlement.Apis;

public static class RewardsApi
{
    public static RouteGroupBuilder MapRewardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rewards").WithTags("Rewards");
        api.MapGet("/partners/{partnerId:guid}/ledger", GetLedger).WithName(nameof(GetLedger))
            .WithSummary("A partner's ledger entries and balance per currency; each partner reads only its own");
        return api;
    }

    public sealed record Balance(string Currency, decimal Amount);

    public sealed record LedgerView(Guid PartnerId, IReadOnlyList<Balance> Balances, IReadOnlyList<LedgerEntry> Entries);

    public static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetLedger(
        Guid partnerId, ClaimsPrincipal user, Ledger ledger, CancellationToken cancellationToken)
    {
        if (!user.ActsFor(partnerId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A partner reads only its own ledger.");
        }
        var entries = await ledger.EntriesOfAsync(partnerId, cancellationToken);
        var balances = entries.GroupBy(e => e.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Balance(g.Key, g.Sum(e => e.Amount))).ToList();
        return TypedResults.Ok(new LedgerView(partnerId, balances, entries));
    }
}
