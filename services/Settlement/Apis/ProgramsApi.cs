using System.Security.Claims;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Settlement.Apis;

/// <summary>What vendors do in Settlement: define their reward program, read what it owes, approve payouts.</summary>
public static class ProgramsApi
{
    public static RouteGroupBuilder MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rewards/vendors/{vendorId}").WithTags("Reward programs");
        api.MapGet("/program", GetProgram).WithName(nameof(GetProgram)).WithSummary("A vendor's reward program");
        api.MapPut("/program", SaveProgram).WithName(nameof(SaveProgram)).WithSummary("Define the vendor's program: lead-registration bonus, tier multipliers, holding period, currency");
        api.MapGet("/ledger", GetVendorLedger).WithName(nameof(GetVendorLedger)).WithSummary("What the vendor's program owes partners, per currency");
        api.MapPost("/payouts", ApprovePayout).WithName(nameof(ApprovePayout)).WithSummary("Approve paying a partner what the program owes it and is payable now");
        return api;
    }

    public sealed record ProgramRequest(string? Name, string? Currency, decimal? LeadRegistrationBonus, Dictionary<string, decimal>? TierMultipliers, int? HoldingPeriodDays);

    public sealed record PayoutRequest(Guid? PartnerId, string? Currency);

    public static async Task<Results<Ok<RewardProgram>, NotFound>> GetProgram(string vendorId, RewardProgramStore programs, CancellationToken cancellationToken) =>
        await programs.GetAsync(vendorId, cancellationToken) is { } program ? TypedResults.Ok(program) : TypedResults.NotFound();

    public static async Task<Results<Ok<RewardProgram>, ValidationProblem, ProblemHttpResult>> SaveProgram(
        string vendorId, ProgramRequest request, ClaimsPrincipal user, RewardProgramStore programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("A vendor defines only its own program.");
        }
        var program = new RewardProgram(vendorId, request.Name ?? "", request.Currency ?? "", request.LeadRegistrationBonus ?? 0,
            request.TierMultipliers ?? [], request.HoldingPeriodDays ?? 30);
        var errors = program.Validate();
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        await programs.SaveAsync(program, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(program);
    }

    public static async Task<Results<Ok<RewardsApi.LedgerView>, ProblemHttpResult>> GetVendorLedger(
        string vendorId, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("A vendor reads only its own program's ledger.");
        }
        return TypedResults.Ok(await RewardsApi.LedgerOfAsync(VendorAccounts.For(vendorId), ledger, clock, cancellationToken));
    }

    public static async Task<Results<Ok<PayoutApproved>, ValidationProblem, ProblemHttpResult>> ApprovePayout(
        string vendorId, PayoutRequest request, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("Only the vendor approves its program's payouts.");
        }
        var errors = new ServiceDefaults.Problems.ValidationErrors();
        if (request.PartnerId is null || request.PartnerId == Guid.Empty)
        {
            errors.Add("partnerId", "'partnerId' must name the partner to pay.");
        }
        if (!Contracts.CodeFormats.IsCurrency(request.Currency))
        {
            errors.Add("currency", "'currency' must be an ISO 4217 code such as 'USD'.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        await using var unit = await ledger.BeginAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var payout = Payouts.Approve(vendorId, request.PartnerId!.Value, request.Currency!, await ledger.EntriesOfAsync(unit, request.PartnerId.Value, cancellationToken), now);
        if (payout is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing is payable to this partner.",
                detail: $"The program owes partner {request.PartnerId} nothing in {request.Currency} that is past its holding period.");
        }
        await ledger.BookAsync(unit, payout.Entries, cancellationToken);
        var approved = new PayoutApproved
        {
            PayoutId = payout.PayoutId, VendorId = vendorId, PartnerId = payout.PartnerId, Amount = payout.Amount, Currency = payout.Currency, OccurredAt = now,
        };
        await unit.PublishAsync(approved, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return TypedResults.Ok(approved);
    }

    private static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);
}
