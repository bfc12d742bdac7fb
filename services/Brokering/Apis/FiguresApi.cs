using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.ServiceDefaults;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

public static class FiguresApi
{
    public static RouteHandlerBuilder MapOpportunityFiguresApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/opportunities/figures", GetOpportunityFigures).WithTags("Ecosystem figures").WithName(nameof(GetOpportunityFigures))
            .WithSummary("A program's opportunities posted in a period (default: the last 90 days): value, invitations, teams, outcomes, deal registrations");

    public static async Task<Results<Ok<OpportunityFigures>, ValidationProblem, ProblemHttpResult>> GetOpportunityFigures(
        string? vendor, string? from, string? to, ClaimsPrincipal user, ProgramActivityQuery activity, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.TryScopeFigures(vendor, out var scope, out var refusal))
        {
            return refusal;
        }
        var errors = new ValidationErrors().RequireVendorOrNone(scope);
        var period = ReportingPeriod.Parse(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (period is null || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(await activity.ReadAsync(scope, period, cancellationToken));
    }
}
