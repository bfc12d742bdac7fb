using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// Turns what the framework rejects before a handler runs (malformed JSON, a wrong type, a body over the
/// size limit) into a problem that says what was wrong, instead of an empty 400 or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? $"The request body is larger than the limit of {Microsoft.Extensions.Hosting.Extensions.MaxRequestBodyBytes} bytes."
            : string.Join(" ", new[] { badRequest.Message, badRequest.InnerException?.Message }.OfType<string>());
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = detail },
        });
    }
}
