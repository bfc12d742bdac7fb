using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

internal static class ProblemResults
{
    public const string PartnerStateType = "https://ecosystemmarket.dev/problems/partner-state";
    public const string CapabilityExistsType = "https://ecosystemmarket.dev/problems/capability-exists";

    public static ProblemHttpResult Conflict(string title, string detail, string type = PartnerStateType) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, type: type);

    public static ProblemHttpResult Forbidden(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
