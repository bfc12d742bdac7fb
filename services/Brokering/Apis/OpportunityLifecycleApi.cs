using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>The owner's moves through the life cycle; each publishes its event through the outbox.</summary>
public static class OpportunityLifecycleApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapOpportunityLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities/{id:guid}").WithTags("Opportunities");
        api.MapPost("/publish", Publish).WithName(nameof(Publish)).WithSummary("Open a draft to the marketplace");
        api.MapPost("/win", MarkWon).WithName(nameof(MarkWon)).WithSummary("Mark the opportunity won with its final value");
        api.MapPost("/lose", MarkLost).WithName(nameof(MarkLost)).WithSummary("Mark the opportunity lost");
        api.MapPost("/withdraw", Withdraw).WithName(nameof(Withdraw)).WithSummary("Withdraw the opportunity");
        api.MapPost("/reverse", Reverse).WithName(nameof(Reverse)).WithSummary("Reverse a won deal; its rewards are clawed back");
        return api;
    }

    public static Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> Publish(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, OpportunityStatus.Open, null, user, opportunities, metrics, clock, (unit, moved, now) => unit.PublishAsync(moved.Posted(now), cancellationToken), cancellationToken);

    public static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MarkWon(
        Guid id, WinRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, DealRegistrationRepository registrations,
        BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.FinalValue is not (> 0 and <= PostOpportunityRequest.MaxValue))
        {
            return Invalid("finalValue", $"'finalValue' must be greater than 0 and at most {PostOpportunityRequest.MaxValue}.");
        }
        return await MoveAsync(id, OpportunityStatus.Won, request.FinalValue, user, opportunities, metrics, clock, async (unit, won, now) =>
        {
            var team = (await opportunities.InvitationsOfAsync(unit, id, cancellationToken))
                .Where(i => i.Status == InvitationStatus.Accepted)
                .Select(i => new TeamMemberTerms { PartnerId = i.InviteePartnerId, Role = i.Role, Reward = i.Reward })
                .ToList();
            var registration = await registrations.ProtectedOfOpportunityAsync(unit, id, won.OwnerPartnerId, cancellationToken);
            var vendor = won.VendorId ?? registration?.VendorId;
            await unit.PublishAsync(new OpportunityWon
            {
                OpportunityId = id, OwnerPartnerId = won.OwnerPartnerId, FinalValue = won.FinalValue!.Value, Currency = won.Currency, Team = team,
                // A registration with another vendor earns nothing in this opportunity's program.
                VendorId = vendor, DealRegistrationId = registration?.VendorId == vendor ? registration?.Id : null, OccurredAt = now,
            }, cancellationToken);
        }, cancellationToken);
    }

    public static Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MarkLost(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, OpportunityStatus.Lost, null, user, opportunities, metrics, clock, (unit, lost, now) => unit.PublishAsync(
            new OpportunityClosed { OpportunityId = id, OwnerPartnerId = lost.OwnerPartnerId, Outcome = "lost", OccurredAt = now }, cancellationToken), cancellationToken);

    public static Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, OpportunityStatus.Withdrawn, null, user, opportunities, metrics, clock, (unit, withdrawn, now) => unit.PublishAsync(
            new OpportunityClosed { OpportunityId = id, OwnerPartnerId = withdrawn.OwnerPartnerId, Outcome = "withdrawn", OccurredAt = now }, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> Reverse(
        Guid id, ReverseRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ServiceDefaults.Problems.ValidationErrors().RequireText("reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await MoveAsync(id, OpportunityStatus.Reversed, null, user, opportunities, metrics, clock, (unit, reversed, now) => unit.PublishAsync(
            new OpportunityReversed { OpportunityId = id, OwnerPartnerId = reversed.OwnerPartnerId, Reason = request.Reason!.Trim(), OccurredAt = now },
            cancellationToken), cancellationToken);
    }

    private static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MoveAsync(
        Guid id, OpportunityStatus target, decimal? finalValue, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock,
        Func<UnitOfWork, Opportunity, DateTimeOffset, Task> announce, CancellationToken cancellationToken)
    {
        await using var unit = await opportunities.BeginAsync(cancellationToken);
        var opportunity = await opportunities.GetAsync(unit, id, cancellationToken);
        if (opportunity is null || opportunity.OwnerPartnerId != user.PartnerId())
        {
            return TypedResults.NotFound();
        }
        if (OpportunityLifecycle.CanMove(opportunity, target) is { } violation)
        {
            return ProblemResults.Conflict(violation);
        }

        var now = clock.GetUtcNow();
        var moved = opportunity with
        {
            Status = target, FinalValue = finalValue ?? opportunity.FinalValue, UpdatedAt = now,
            PostedAt = target == OpportunityStatus.Open ? now : opportunity.PostedAt,
        };
        await opportunities.UpdateStatusAsync(unit, moved, cancellationToken);
        await announce(unit, moved, now);
        await unit.CommitAsync(cancellationToken);
        metrics.Moved(moved);
        return TypedResults.Ok(OpportunityView.Of(moved, showCustomer: true));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
