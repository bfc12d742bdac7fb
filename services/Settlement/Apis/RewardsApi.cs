using System.Security.Claims;
using System.Text;
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
            .WithSummary("A statement for any period (default: this month so far): opening balance, entries, closing balance per currency; as CSV with Accept: text/csv or format=csv")
            .Produces(StatusCodes.Status200OK, contentType: StatementCsv.MediaType);
        return api;
    }

    /// <summary>An account's balance in one currency (held plus payable), and what payouts have settled so far besides.</summary>
    public sealed record Balance(string Currency, decimal Amount, decimal Held, decimal Payable, decimal Paid);

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
        var balances = statement.Currencies.Select(c => new Balance(c.Currency, c.ClosingBalance, c.Held, c.Payable, c.Paid)).ToList();
        return new LedgerView(account, balances, entries);
    }

    public static async Task<Results<Ok<Statement>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetStatement(
        Guid partnerId, DateTimeOffset? from, DateTimeOffset? to, string? currency, string? format, ClaimsPrincipal user, HttpRequest request,
        Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
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
        if (currency is not null && !Contracts.CodeFormats.IsCurrency(currency))
        {
            errors.Add("currency", "'currency' must be an ISO 4217 code such as 'USD'.");
        }
        if (format is not null && format is not ("csv" or "json"))
        {
            errors.Add("format", "'format' must be 'csv' or 'json'.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var statement = Statements.For(partnerId, await ledger.EntriesOfAsync(partnerId, cancellationToken), start, end).In(currency);
        return StatementCsv.IsAskedFor(request, format)
            ? TypedResults.File(Encoding.UTF8.GetBytes(StatementCsv.Write(statement)), $"{StatementCsv.MediaType}; charset=utf-8", StatementCsv.FileName(statement, currency))
            : TypedResults.Ok(statement);
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A partner reads only its own ledger and statements.");
}
