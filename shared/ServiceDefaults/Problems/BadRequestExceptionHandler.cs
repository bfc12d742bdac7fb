using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// Turns what the framework rejects before a handler runs (malformed JSON, a wrong type, a body over the size limit, a
/// wrong content type, a query value that does not parse) into a problem that says what was wrong, instead of an empty
/// 400 or a 500. The framework's own messages name .NET types, so the problem is written from them (<see cref="RequestReadFailure"/>).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = RequestReadFailure.Describe(badRequest);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
