using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Settlement.Apis;

public static class RewardsApi
{
    public static readonly TimeSpan MaxStatementPeriod = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapRewardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rewards/partners/{partnerId:guid}").WithTags("Rewards");
        api.MapGet("/ledger", GetLedger).WithName(nameof(GetLedger))
            .WithSummary("A partner's ledger entries and balance per currency, held and payable; each partner reads only its own");
        api.MapGet("/statements", GetStatement).WithName(nameof(GetStatement))
            .WithSummary("A statement for any period (default: this month so far): opening balance, entries, closing balance per currency");
        return api;
    }

    public sealed record Balance(string Currency, decimal Amount, decimal Held, decimal Payable);

    public sealed record LedgerView(Guid PartnerId, IReadOnlyList<Balance> Balances, IReadOnlyList<LedgerEntry> Entries);

    public static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetLedger(
        Guid partnerId, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsFor(partnerId))
        {
            return Forbidden();
        }
        return TypedResults.Ok(await LedgerOfAsync(partnerId, ledger, clock, cancellationToken));
    }

    /// <summary>An account's entries with its balance per currency now, split into held and payable.</summary>
    public static async Task<LedgerView> LedgerOfAsync(Guid account, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        var entries = await ledger.EntriesOfAsync(account, cancellationToken);
        var statement = Statements.For(account, entries, DateTimeOffset.MinValue, clock.GetUtcNow().AddTicks(1));
        var balances = statement.Currencies.Select(c => new Balance(c.Currency, c.ClosingBalance, c.Held, c.Payable)).ToList();
        return new LedgerView(account, balances, entries);
    }

    public static async Task<Results<Ok<Statement>, ValidationProblem, ProblemHttpResult>> GetStatement(
        Guid partnerId, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsFor(partnerId))
        {
            return Forbidden();
        }
        var now = clock.GetUtcNow();
        var end = to ?? now;
        var start = from ?? new DateTimeOffset(end.Year, end.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var errors = new ValidationErrors();
        if (start >= end)
        {
            errors.Add("from", "'from' must be before 'to'.");
        }
        else if (end - start > MaxStatementPeriod)
        {
            errors.Add("to", $"A statement covers at most {MaxStatementPeriod.TotalDays} days.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(Statements.For(partnerId, await ledger.EntriesOfAsync(partnerId, cancellationToken), start, end));
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A partner reads only its own ledger and statements.");
}
