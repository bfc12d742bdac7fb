using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.Data;

/// <summary>
/// Answers a request that lost an optimistic-concurrency race with 409 problem details, in one place, so every
/// endpoint that saves an aggregate stays a thin adapter and a lost race is never a 500.
/// </summary>
internal sealed class ConcurrencyConflictHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const string ProblemType = "https://ecosystemmarket.dev/problems/concurrency-conflict";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ConcurrencyConflictException)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict, Type = ProblemType,
                Title = "Changed by another request; reload and retry.", Detail = exception.Message,
            },
        });
    }
}
