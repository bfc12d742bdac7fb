using EcosystemMarket.Brokering.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

internal static class ProblemResults
{
    public const string RuleViolationType = "https://ecosystemmarket.dev/problems/deal-rule";

    public static ProblemHttpResult Conflict(RuleViolation violation) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: violation.Title, detail: violation.Detail, type: RuleViolationType);

    /// <summary>409, or 422 for a request the rules never allow as asked.</summary>
    public static ProblemHttpResult Refused(RuleViolation violation) =>
        TypedResults.Problem(statusCode: violation.Unprocessable ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
            title: violation.Title, detail: violation.Detail, type: RuleViolationType);

    public static ProblemHttpResult NoPartner() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This needs a token acting for a partner.");
}
