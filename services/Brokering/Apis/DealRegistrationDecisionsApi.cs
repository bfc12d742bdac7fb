using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

public sealed record RejectRegistrationRequest(string? Reason);

/// <summary>A vendor approves or rejects the deal registrations of its own program, once each; the record in the chain never changes.</summary>
public static class DealRegistrationDecisionsApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapDealRegistrationDecisionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deal-registrations/{id:guid}").WithTags("Deal registrations");
        api.MapPost("/approve", ApproveDealRegistration).WithName(nameof(ApproveDealRegistration)).WithSummary("The vendor backs a registration of its program");
        api.MapPost("/reject", RejectDealRegistration).WithName(nameof(RejectDealRegistration))
            .WithSummary("The vendor rejects a registration of its program, with a reason: it protects nothing and earns no bonus");
        return api;
    }

    public static Task<Results<Ok<VendorDealRegistration>, ValidationProblem, NotFound, ProblemHttpResult>> ApproveDealRegistration(
        Guid id, ClaimsPrincipal user, DealRegistrationRepository registrations, VendorDecisionStore decisions, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, approve: true, reason: null, user, registrations, decisions, clock, cancellationToken);

    public static async Task<Results<Ok<VendorDealRegistration>, ValidationProblem, NotFound, ProblemHttpResult>> RejectDealRegistration(
        Guid id, RejectRegistrationRequest request, ClaimsPrincipal user, DealRegistrationRepository registrations, VendorDecisionStore decisions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await DecideAsync(id, approve: false, request.Reason!.Trim(), user, registrations, decisions, clock, cancellationToken);
    }

    private static async Task<Results<Ok<VendorDealRegistration>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, string? reason, ClaimsPrincipal user, DealRegistrationRepository registrations, VendorDecisionStore decisions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var unit = await registrations.BeginAsync(cancellationToken);
        // Another vendor's registration, like a missing one, does not exist for this caller.
        if (await registrations.GetAsync(unit, id, cancellationToken) is not { } registration || user.VendorId() is not { } vendor || registration.VendorId != vendor)
        {
            return TypedResults.NotFound();
        }
        var (decision, announcement, violation) = VendorDecision.Decide(registration, await decisions.OfAsync(unit, id, cancellationToken), approve, reason, clock.GetUtcNow());
        if (violation is not null)
        {
            return ProblemResults.Conflict(violation);
        }
        try
        {
            await decisions.InsertAsync(unit, decision!, registration.RegistrantPartnerId, cancellationToken);
        }
        catch (Exception exception) when (exception.IsUniqueViolation())
        {
            throw new ConcurrencyConflictException($"Registration {id} was decided by another request at the same time.");
        }
        await unit.PublishAsync(announcement!, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return TypedResults.Ok(VendorDealRegistration.Of(registration, decision));
    }
}
