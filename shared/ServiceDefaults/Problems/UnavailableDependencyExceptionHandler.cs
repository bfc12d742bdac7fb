using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// A service this request depends on did not answer (after the client's own retries): 503 with Retry-After,
/// nothing changed, instead of a 500 that reads as our bug.
/// </summary>
internal sealed class UnavailableDependencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded })
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request needs is not answering.",
                Detail = $"Nothing was changed. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
