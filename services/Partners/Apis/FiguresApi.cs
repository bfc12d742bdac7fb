using System.Security.Claims;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.Partners.Telemetry;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

public static class FiguresApi
{
    public static RouteHandlerBuilder MapPartnerFiguresApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/partners/figures", GetPartnerFigures).WithTags("Ecosystem figures").WithName(nameof(GetPartnerFigures))
            .WithSummary("Active partners by type, tier and region: a vendor's program members, or the whole ecosystem for an administrator");

    public static async Task<Results<Ok<PartnerFigures>, ValidationProblem, ProblemHttpResult>> GetPartnerFigures(
        string? vendor, ClaimsPrincipal user, PartnerCounts counts, CancellationToken cancellationToken)
    {
        if (!user.TryScopeFigures(vendor, out var scope, out var refusal))
        {
            return refusal;
        }
        var errors = new ValidationErrors().RequireVendorOrNone(scope);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(DirectoryFigures.Of(await counts.ReadAsync(cancellationToken), scope, everyProgram: user.IsAdmin()));
    }
}
