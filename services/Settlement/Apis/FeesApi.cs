using EcosystemMarket.Data;
using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Settlement.Apis;

/// <summary>Fees between partners: what a deal's owner owes its teammates, when it is due, and recording that it was paid.</summary>
public static class FeesApi
{
    public static RouteGroupBuilder MapFeesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rewards/partners/{partnerId:guid}/fees").WithTags("Fees between partners");
        api.MapGet("", ListFees).WithName(nameof(ListFees))
            .WithSummary("The fees a partner owes and is owed, by due date, with their state; state=owed|owing|overdue|paid filters them");
        api.MapPost("/{feeId}/paid", MarkFeePaid).WithName(nameof(MarkFeePaid))
            .WithSummary("The payer records that it paid the fee: both sides move from payable to paid, once");
        api.MapPost("/{feeId}/confirm-received", ConfirmFeeReceived).WithName(nameof(ConfirmFeeReceived))
            .WithSummary("The payee confirms it received the fee: both sides move from payable to paid, once");
        app.MapGroup("/api/rewards/vendors/{vendorId}/fees").WithTags("Reward programs")
            .MapGet("", ListVendorFees).WithName(nameof(ListVendorFees))
            .WithSummary("The fees between partners on the vendor's won deals, by due date; state=overdue shows those unpaid past their due date");
        return api;
    }

    /// <summary>A fee as one of its parties sees it; <c>role</c> says whether the reader pays it (payer) or is paid (payee), none for the vendor.</summary>
    public sealed record FeeView(
        string Id, Guid OpportunityId, string Kind, string? Role, Guid PayerPartnerId, Guid PayeePartnerId, decimal Amount, string Currency,
        DateTimeOffset BookedAt, DateTimeOffset PayableAt, DateTimeOffset DueAt, string State, DateTimeOffset? PaidAt);

    public static async Task<Results<Ok<Page<FeeView>>, ValidationProblem, ProblemHttpResult>> ListFees(
        Guid partnerId, string? state, string? cursor, int? limit, ClaimsPrincipal user, Ledger ledger, TimeProvider clock,
        IOptions<SettlementOptions> options, CancellationToken cancellationToken)
    {
        if (!user.ActsFor(partnerId))
        {
            return Forbidden("A partner reads only its own fees.");
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (state is not null && !FeeFilters.All.Contains(state))
        {
            errors.Add("state", $"'state' must be one of {string.Join(", ", FeeFilters.All)}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var now = clock.GetUtcNow();
        var fees = PartnerFees.In(await ledger.EntriesOfAsync(partnerId, cancellationToken), options.Value.FeeGracePeriod)
            .Where(fee => PartnerFees.Matches(fee, partnerId, state, now));
        return TypedResults.Ok(PageOf(fees, after, take, partnerId, now));
    }

    private static readonly IReadOnlyList<string> VendorStates = [FeeStates.Due, FeeStates.Overdue, FeeStates.Paid, FeeStates.Reversed];

    public static async Task<Results<Ok<Page<FeeView>>, ValidationProblem, ProblemHttpResult>> ListVendorFees(
        string vendorId, string? state, string? cursor, int? limit, ClaimsPrincipal user, Ledger ledger, TimeProvider clock,
        IOptions<SettlementOptions> options, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("A vendor reads only the fees on its own program's deals.");
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (state is not null && !VendorStates.Contains(state))
        {
            errors.Add("state", $"'state' must be one of {string.Join(", ", VendorStates)}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var now = clock.GetUtcNow();
        var fees = PartnerFees.In(await ledger.FeeEntriesOfVendorAsync(vendorId, cancellationToken), options.Value.FeeGracePeriod)
            .Where(fee => state is null || fee.StateAt(now) == state);
        return TypedResults.Ok(PageOf(fees, after, take, null, now));
    }

    /// <summary>One page of fees in due-date order, after the cursor's fee.</summary>
    private static Page<FeeView> PageOf(IEnumerable<Fee> fees, PageCursor? after, int take, Guid? reader, DateTimeOffset now)
    {
        var fetched = fees
            .Where(fee => after is null || string.CompareOrdinal(CursorKey(fee), after.Key) > 0 || (CursorKey(fee) == after.Key && fee.EntryId.CompareTo(after.Id) > 0))
            .Take(take + 1)
            .ToList();
        var page = Paging.ToPage(fetched, take, fee => new PageCursor(CursorKey(fee), fee.EntryId));
        return new Page<FeeView>(page.Items.Select(fee => View(fee, reader, now)).ToList(), page.NextCursor);
    }

    public static Task<Results<Ok<FeeView>, NotFound, ProblemHttpResult>> MarkFeePaid(
        Guid partnerId, string feeId, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, IOptions<SettlementOptions> options,
        CancellationToken cancellationToken) =>
        SettleAsync(partnerId, feeId, asPayer: true, user, ledger, clock, options.Value, cancellationToken);

    public static Task<Results<Ok<FeeView>, NotFound, ProblemHttpResult>> ConfirmFeeReceived(
        Guid partnerId, string feeId, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, IOptions<SettlementOptions> options,
        CancellationToken cancellationToken) =>
        SettleAsync(partnerId, feeId, asPayer: false, user, ledger, clock, options.Value, cancellationToken);

    /// <summary>Reads the fee's transactions and books its settlement in one ledger transaction; a fee settled before is returned as it is.</summary>
    private static async Task<Results<Ok<FeeView>, NotFound, ProblemHttpResult>> SettleAsync(
        Guid partnerId, string feeId, bool asPayer, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, SettlementOptions options,
        CancellationToken cancellationToken)
    {
        if (!user.ActsFor(partnerId))
        {
            return Forbidden("A partner settles only fees it pays or is paid.");
        }
        await using var unit = await ledger.BeginAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fee = PartnerFees.In(await ledger.EntriesOfTransactionsAsync(unit, PartnerFees.KeysOf(feeId), cancellationToken), options.FeeGracePeriod)
            .SingleOrDefault(f => f.Id == feeId);
        if (fee is null)
        {
            return TypedResults.NotFound();
        }
        var settlement = fee.Settle(partnerId, asPayer, now);
        switch (settlement.Refusal)
        {
            case FeeSettlementRefusal.NotAParty:
                return TypedResults.NotFound();
            case FeeSettlementRefusal.OtherParty:
                return Forbidden(asPayer ? "Only the partner that owes the fee records paying it; the payee confirms receipt."
                    : "Only the partner that is owed the fee confirms receiving it; the payer records paying it.");
            case FeeSettlementRefusal.Reversed:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The fee was clawed back.",
                    detail: $"Opportunity {fee.OpportunityId} was reversed, so fee {fee.Id} is no longer owed.");
        }
        if (settlement.Entries.Count > 0)
        {
            try
            {
                await ledger.BookAsync(unit, settlement.Entries, cancellationToken);
                await unit.CommitAsync(cancellationToken);
            }
            catch (Exception exception) when (exception.IsUniqueViolation())
            {
                // Both parties settled it at the same instant (SQL Server's READ COMMITTED lets both read it unpaid): the other
                // transaction booked the same key first, so the fee is paid, once, as this request asked.
            }
            fee = fee with { PaidAt = now };
        }
        return TypedResults.Ok(View(fee, partnerId, now));
    }

    private static FeeView View(Fee fee, Guid? reader, DateTimeOffset now) => new(
        fee.Id, fee.OpportunityId, fee.Kind, reader is null ? null : fee.PayerPartnerId == reader ? "payer" : "payee", fee.PayerPartnerId, fee.PayeePartnerId,
        fee.Amount, fee.Currency, fee.BookedAt, fee.PayableAt, fee.DueAt, fee.StateAt(now), fee.PaidAt);

    private static string CursorKey(Fee fee) => fee.DueAt.UtcDateTime.ToString("O");

    private static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);
}
