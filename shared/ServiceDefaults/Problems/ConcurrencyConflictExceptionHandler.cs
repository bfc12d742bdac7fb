using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>A request that lost a race to another one changing the same thing: 409, nothing saved, read again and retry.</summary>
internal sealed class ConcurrencyConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ConcurrencyConflictException conflict)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Another request changed this at the same moment.",
                Detail = $"{conflict.Message} Nothing was saved: read it again and retry.",
            },
        });
    }
}
