using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
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
        MoveAsync(id, user, opportunities, metrics, clock, (_, aggregate, now) => Task.FromResult(aggregate.Publish(now)), cancellationToken);

    public static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MarkWon(
        Guid id, WinRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, DealRegistrationRepository registrations,
        BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.FinalValue is not (> 0 and <= PostOpportunityRequest.MaxValue))
        {
            return Invalid("finalValue", $"'finalValue' must be greater than 0 and at most {PostOpportunityRequest.MaxValue}.");
        }
        return await MoveAsync(id, user, opportunities, metrics, clock, async (unit, aggregate, now) => aggregate.Win(request.FinalValue.Value,
            await registrations.ProtectedOfOpportunityAsync(unit, id, aggregate.Opportunity.OwnerPartnerId, cancellationToken), now), cancellationToken);
    }

    public static Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MarkLost(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, user, opportunities, metrics, clock, (_, aggregate, now) => Task.FromResult(aggregate.Lose(now)), cancellationToken);

    public static Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, user, opportunities, metrics, clock, (_, aggregate, now) => Task.FromResult(aggregate.Withdraw(now)), cancellationToken);

    public static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> Reverse(
        Guid id, ReverseRequest request, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ServiceDefaults.Problems.ValidationErrors().RequireText("reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await MoveAsync(id, user, opportunities, metrics, clock,
            (_, aggregate, now) => Task.FromResult(aggregate.Reverse(request.Reason!.Trim(), now)), cancellationToken);
    }

    /// <summary>Load, let the aggregate decide, save from the version read, publish, commit: a lost race is a 409 (ConcurrencyConflictHandler).</summary>
    private static async Task<Results<Ok<OpportunityView>, ValidationProblem, NotFound, ProblemHttpResult>> MoveAsync(
        Guid id, ClaimsPrincipal user, OpportunityRepository opportunities, BrokeringMetrics metrics, TimeProvider clock,
        Func<UnitOfWork, OpportunityAggregate, DateTimeOffset, Task<Outcome>> decide, CancellationToken cancellationToken)
    {
        await using var unit = await opportunities.BeginAsync(cancellationToken);
        if (await opportunities.LoadAsync(unit, id, cancellationToken) is not { } aggregate || !aggregate.IsOwnedBy(user.PartnerId()))
        {
            return TypedResults.NotFound();
        }
        var outcome = await decide(unit, aggregate, clock.GetUtcNow());
        if (outcome.Violation is { } violation)
        {
            return ProblemResults.Conflict(violation);
        }
        await opportunities.SaveAsync(unit, aggregate, cancellationToken);
        await unit.PublishEventsAsync(outcome, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        metrics.Moved(aggregate.Opportunity);
        return TypedResults.Ok(OpportunityView.Of(aggregate.Opportunity, showCustomer: true));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
