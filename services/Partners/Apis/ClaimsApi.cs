using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

/// <summary>
/// Vendors attest what partners claim about their programs: membership, tier, certifications the vendor issued.
/// The vendor's queue sits under /api/partners/vendors/{vendorId} (as Settlement's programs sit under /api/rewards/vendors),
/// so the gateway routes it to Partners with the rest of /api/partners.
/// </summary>
public static class ClaimsApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners").WithTags("Claims");
        api.MapGet("/vendors/{vendorId}/claims", ClaimsForVendor).WithName(nameof(ClaimsForVendor))
            .WithSummary("The claims addressed to a vendor, by state (pending, attested, rejected), a page at a time");
        api.MapPost("/{partnerId:guid}/claims/{claimId:guid}/attest", AttestClaim).WithName(nameof(AttestClaim))
            .WithSummary("The claim's vendor attests it; attesting an attested claim again changes nothing (200)");
        api.MapPost("/{partnerId:guid}/claims/{claimId:guid}/reject", RejectClaim).WithName(nameof(RejectClaim))
            .WithSummary("The claim's vendor rejects it, with a reason; rejecting a rejected claim again changes nothing (200)");
        api.MapGet("/{partnerId:guid}/claims/{claimId:guid}/history", ClaimHistory).WithName(nameof(ClaimHistory))
            .WithSummary("Every decision on a claim, oldest first, for the partner, the claim's vendor and administrators");
        return api;
    }

    public sealed record ClaimQuery(string? State, string? Cursor, int? Limit);

    public sealed record RejectionRequest(string? Reason);

    public static async Task<Results<Ok<Page<ClaimView>>, ValidationProblem, ProblemHttpResult>> ClaimsForVendor(
        string vendorId, [AsParameters] ClaimQuery query, ClaimsPrincipal user, PartnerRepository partners, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return ProblemResults.Forbidden("A vendor reads only the claims addressed to it.");
        }
        var errors = Paging.Validate(query.Cursor, query.Limit, out var after, out var take);
        var state = string.IsNullOrEmpty(query.State) ? ClaimStates.Pending : query.State;
        errors.RequireOneOf("state", state, ClaimStates.All);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await partners.ClaimsForVendorAsync(vendorId, state, after?.Id, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, c => new PageCursor("", c.Claim.Id));
        return TypedResults.Ok(new Page<ClaimView>(page.Items.Select(c => ClaimView.Of(c.PartnerId, c.PartnerName, c.Claim)).ToList(), page.NextCursor));
    }

    public static Task<Results<Ok<ClaimView>, ValidationProblem, NotFound, ProblemHttpResult>> AttestClaim(
        Guid partnerId, Guid claimId, ClaimsPrincipal user, HttpContext context, PartnerRepository partners, CancellationToken cancellationToken) =>
        DecideAsync(partnerId, claimId, attest: true, reason: null, user, context, partners, cancellationToken);

    public static async Task<Results<Ok<ClaimView>, ValidationProblem, NotFound, ProblemHttpResult>> RejectClaim(
        Guid partnerId, Guid claimId, RejectionRequest request, ClaimsPrincipal user, HttpContext context, PartnerRepository partners,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await DecideAsync(partnerId, claimId, attest: false, request.Reason!.Trim(), user, context, partners, cancellationToken);
    }

    public static async Task<Results<Ok<ClaimHistoryView>, NotFound, ProblemHttpResult>> ClaimHistory(
        Guid partnerId, Guid claimId, ClaimsPrincipal user, PartnerRepository partners, CancellationToken cancellationToken)
    {
        if (await partners.GetAsync(partnerId, cancellationToken) is not { } partner)
        {
            return TypedResults.NotFound();
        }
        var decisions = await partners.ClaimHistoryAsync(partnerId, claimId, cancellationToken);
        var current = partner.Claims.FirstOrDefault(c => c.Id == claimId);
        // A claim the profile no longer makes is still known by its history.
        var (kind, vendor) = current is not null ? (current.Kind, current.Vendor) : decisions.Count > 0 ? (decisions[0].Kind, decisions[0].Vendor) : (null, null);
        if (kind is null || vendor is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.ActsFor(partnerId) && user.VendorId() != vendor)
        {
            return ProblemResults.Forbidden("A claim's history is for the partner, the claim's vendor and administrators.");
        }
        return TypedResults.Ok(new ClaimHistoryView(claimId, partnerId, kind, vendor, current is null ? null : ClaimView.Of(partner.Id, partner.Name, current),
            decisions.Select(ClaimDecisionView.Of).ToList()));
    }

    private static async Task<Results<Ok<ClaimView>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(
        Guid partnerId, Guid claimId, bool attest, string? reason, ClaimsPrincipal user, HttpContext context, PartnerRepository partners,
        CancellationToken cancellationToken)
    {
        if (user.VendorId() is not { } vendorId)
        {
            return ProblemResults.Forbidden("Only the vendor a claim is addressed to decides it.", "A partner cannot attest its own claims, nor an administrator a vendor's.");
        }
        var decidedBy = user.FindFirst(ClaimNames.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? $"vendor-{vendorId}";
        var result = await partners.DecideClaimAsync(partnerId, claimId, vendorId, attest, reason, decidedBy, cancellationToken);
        switch (result?.Outcome)
        {
            case null or ClaimDecisionOutcome.NotFound:
                return TypedResults.NotFound();
            case ClaimDecisionOutcome.NotAddressed:
                return ProblemResults.Forbidden("The claim is addressed to another vendor.", "A vendor decides only the claims about its own program and certifications.");
            case ClaimDecisionOutcome.Inactive:
                return ProblemResults.Conflict("The partner is deactivated.", $"Partner {partnerId} was deactivated; its claims can no longer be decided.");
            case ClaimDecisionOutcome.LostRace:
                return ProblemResults.Conflict("The partner changed while the decision was saved.", "Read the claim again and decide it anew.");
            default:
                context.Response.Headers.ETag = Preconditions.ETagOf(result.Partner.Version);
                return TypedResults.Ok(ClaimView.Of(result.Partner.Id, result.Partner.Name, result.Claim!));
        }
    }
}
