using System.Security.Claims;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using EcosystemMarket.ServiceDefaults.OpenApi;

namespace EcosystemMarket.Settlement.Apis;

/// <summary>What vendors do in Settlement: define their reward program, read what it owes, approve payouts.</summary>
public static class ProgramsApi
{
    public static RouteGroupBuilder MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rewards/vendors/{vendorId}").WithTags("Reward programs");
        api.MapGet("/program", GetProgram).WithName(nameof(GetProgram))
            .WithSummary("A vendor's reward program, with its ETag: for the vendor, administrators and partners whose membership the vendor attested");
        api.MapPut("/program", SaveProgram).WithName(nameof(SaveProgram)).WithSummary("Define the vendor's program (If-None-Match: * creates it, If-Match changes it): lead-registration bonus, tier multipliers, holding period, currency");
        api.MapGet("/ledger", GetVendorLedger).WithName(nameof(GetVendorLedger)).WithSummary("What the vendor's program owes partners, per currency and per partner (held, payable now, paid)");
        api.MapPost("/payouts", ApprovePayout).WithName(nameof(ApprovePayout)).WithSummary("Approve paying a partner what the program owes it and is payable now");
        return api;
    }

    [ValidationRequires(nameof(Name), nameof(Currency))]
    public sealed record ProgramRequest(string? Name, string? Currency, decimal? LeadRegistrationBonus, Dictionary<string, decimal>? TierMultipliers, int? HoldingPeriodDays);

    [ValidationRequires(nameof(PartnerId), nameof(Currency))]
    public sealed record PayoutRequest(Guid? PartnerId, string? Currency);

    /// <summary>Anyone else reads 404, as if there were no program: whether a vendor runs one is its members' business.</summary>
    public static async Task<Results<Ok<RewardProgram>, NotFound>> GetProgram(
        string vendorId, ClaimsPrincipal user, HttpContext context, RewardProgramStore programs, IPartnerStandings standings, CancellationToken cancellationToken)
    {
        var mayRead = user.ActsForVendor(vendorId)
            || (user.PartnerId() is { } partnerId && (await standings.StandingInAsync(partnerId, vendorId, cancellationToken)).AttestedMember);
        if (!mayRead || await programs.GetWithVersionAsync(vendorId, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.ETag = Preconditions.ETagOf(stored.Version);
        return TypedResults.Ok(stored.Program);
    }

    /// <summary>
    /// PUT replaces the program, so it is conditional (RFC 9110): <c>If-None-Match: *</c> creates it (201; 412 when it
    /// exists), <c>If-Match</c> with the ETag of GET changes that version (200; 412 when missing or changed since), and
    /// neither is 428 Precondition Required.
    /// </summary>
    public static async Task<Results<Ok<RewardProgram>, Created<RewardProgram>, ValidationProblem, ProblemHttpResult>> SaveProgram(
        string vendorId, ProgramRequest request, [FromHeader(Name = Preconditions.IfMatch)] string? ifMatch,
        [FromHeader(Name = Preconditions.IfNoneMatch)] string? ifNoneMatch, ClaimsPrincipal user, HttpContext context,
        RewardProgramStore programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("A vendor defines only its own program.");
        }
        var creating = ifMatch is null && ifNoneMatch?.Trim() == "*";
        if (ifMatch is null && !creating)
        {
            return Preconditions.Required(Preconditions.IfMatch,
                $"Send If-Match with the ETag of GET /api/rewards/vendors/{vendorId}/program to change the program, or If-None-Match: * to create it.");
        }
        var program = new RewardProgram(vendorId, request.Name ?? "", request.Currency ?? "", request.LeadRegistrationBonus ?? 0,
            request.TierMultipliers ?? [], request.HoldingPeriodDays ?? 30);
        var errors = program.Validate();
        long expectedVersion = 0;
        if (!creating && !Preconditions.TryReadVersion(ifMatch, out expectedVersion))
        {
            errors.Add(Preconditions.IfMatch, "'If-Match' must be an ETag this API returned.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (creating)
        {
            if (!await programs.CreateAsync(program, clock.GetUtcNow(), cancellationToken))
            {
                return Preconditions.Failed("The vendor has a program already.", "Read it (GET) and send If-Match with its ETag to change it.");
            }
            context.Response.Headers.ETag = Preconditions.ETagOf(1);
            return TypedResults.Created($"/api/rewards/vendors/{vendorId}/program", program);
        }
        if (await programs.UpdateAsync(program, expectedVersion, clock.GetUtcNow(), cancellationToken) is not { } version)
        {
            return await programs.GetWithVersionAsync(vendorId, cancellationToken) is { } current
                ? Preconditions.Failed("The program changed since you read it.", $"Current ETag is {Preconditions.ETagOf(current.Version)}; read it again and reapply your change.")
                : Preconditions.Failed("The vendor has no program to change.", "Create it with If-None-Match: *.");
        }
        context.Response.Headers.ETag = Preconditions.ETagOf(version);
        return TypedResults.Ok(program);
    }

    /// <summary>The program's account as a partner's reads (its id is <c>partnerId</c>), and what it owes each partner.</summary>
    public sealed record ProgramLedgerView(Guid PartnerId, string VendorId, IReadOnlyList<RewardsApi.Balance> Balances,
        IReadOnlyList<PartnerBalance> Partners, IReadOnlyList<LedgerEntry> Entries);

    public static async Task<Results<Ok<ProgramLedgerView>, ProblemHttpResult>> GetVendorLedger(
        string vendorId, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("A vendor reads only its own program's ledger.");
        }
        var account = await RewardsApi.LedgerOfAsync(VendorAccounts.For(vendorId), ledger, clock, cancellationToken);
        return TypedResults.Ok(new ProgramLedgerView(account.PartnerId, vendorId, account.Balances,
            ProgramBalances.For(account.Entries, clock.GetUtcNow()), account.Entries));
    }

    public static async Task<Results<Ok<PayoutApproved>, ValidationProblem, ProblemHttpResult>> ApprovePayout(
        string vendorId, PayoutRequest request, ClaimsPrincipal user, Ledger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return Forbidden("Only the vendor approves its program's payouts.");
        }
        var errors = new ValidationErrors();
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
        var account = await PayoutAccounts.GetAsync(unit, vendorId, request.PartnerId!.Value, request.Currency!, cancellationToken);
        if (account.Approve(await ledger.EntriesOfAsync(unit, account.PartnerId, cancellationToken), now) is not { } approval)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing is payable to this partner.",
                detail: $"The program owes partner {request.PartnerId} nothing in {request.Currency} that is past its holding period.");
        }
        await PayoutAccounts.SaveAsync(unit, approval.Account, account.Version, now, cancellationToken);
        await ledger.BookAsync(unit, approval.Payout.Entries, cancellationToken);
        var approved = approval.Payout.Announcement(now);
        await unit.PublishAsync(approved, cancellationToken);
        unit.Audit("payout.approved", "payout-account", $"{vendorId}/{account.PartnerId}/{account.Currency}", [account.PartnerId], vendorId, approved);
        await unit.CommitAsync(cancellationToken);
        return TypedResults.Ok(approved);
    }

    private static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);
}
