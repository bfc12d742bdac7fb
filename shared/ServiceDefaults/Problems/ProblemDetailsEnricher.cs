using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Problems;

internal static class ProblemDetailsEnricher
{
    /// <summary>Every problem carries the trace id, so a user's report leads straight to the logs.</summary>
    public static void Enrich(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }
}
