using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

public static class CapabilitiesApi
{
    public static RouteGroupBuilder MapCapabilitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/capabilities").WithTags("Capabilities");
        api.MapGet("/", ListCapabilities).WithName(nameof(ListCapabilities)).WithSummary("The capability taxonomy: shipped codes and those administrators added");
        api.MapPost("/", AddCapability).WithName(nameof(AddCapability)).WithSummary("Add a capability code under an existing parent (administrators)");
        return api;
    }

    // Read from the table on every call: an administrator may just have added a code through another replica.
    public static async Task<Ok<IReadOnlyList<CapabilityCode>>> ListCapabilities(CapabilityCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.RefreshAsync(cancellationToken)).Codes);

    public static async Task<Results<Created<CapabilityCode>, ValidationProblem, ProblemHttpResult>> AddCapability(
        NewCapabilityCode request, ClaimsPrincipal user, CapabilityCatalog catalog, CancellationToken cancellationToken)
    {
        // Checked here rather than by an authorization policy, whose refusal would carry no problem details.
        if (!user.IsAdmin())
        {
            return ProblemResults.Forbidden("Only an administrator adds capability codes.", $"The token's '{ClaimNames.Role}' claim is not '{Roles.Admin}'.");
        }
        var taxonomy = await catalog.RefreshAsync(cancellationToken);
        if (request.Code is { } existing && taxonomy.Contains(existing))
        {
            return CodeExists(existing);
        }
        var errors = request.Validate(taxonomy);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var code = request.ToCapabilityCode();
        return await catalog.AddAsync(code, user.Identity?.Name ?? "admin", cancellationToken)
            ? TypedResults.Created("/api/partners/capabilities", code)
            : CodeExists(code.Code);
    }

    private static ProblemHttpResult CodeExists(string code) =>
        ProblemResults.Conflict("This capability code exists.", $"'{code}' is already in the taxonomy; partners can use it as it is.", ProblemResults.CapabilityExistsType);
}
