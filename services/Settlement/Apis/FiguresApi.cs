using System.Security.Claims;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.ServiceDefaults;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.Settlement.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Settlement.Apis;

public static class FiguresApi
{
    public static RouteHandlerBuilder MapRewardFiguresApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/rewards/figures", GetRewardFigures).WithTags("Ecosystem figures").WithName(nameof(GetRewardFigures))
            .WithSummary("Rewards accrued, held, payable, paid and clawed back per currency: what a vendor's program owes, or every reward for an administrator; now, or over a period (from, to)");

    public static async Task<Results<Ok<RewardFigures>, ValidationProblem, ProblemHttpResult>> GetRewardFigures(
        string? vendor, string? from, string? to, ClaimsPrincipal user, RewardFiguresQuery rewards, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.TryScopeFigures(vendor, out var scope, out var refusal))
        {
            return refusal;
        }
        var errors = new ValidationErrors().RequireVendorOrNone(scope);
        // Without from and to: everything up to now. With either: a period, as the opportunities' figures take it.
        var period = from is null && to is null ? null : ReportingPeriod.Parse(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(await rewards.ReadAsync(scope, period, everyProgram: user.IsAdmin(), cancellationToken));
    }
}
