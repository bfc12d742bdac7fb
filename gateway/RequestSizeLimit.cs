using Microsoft.AspNetCore.Http.Features;

namespace EcosystemMarket.Gateway;

/// <summary>
/// A request that declares a body over Kestrel's limit is answered 413 with problem details here, before any
/// destination is contacted; otherwise the limit would surface only as the proxy's failure to forward it (a 502, or
/// whatever the destination made of a cut-off body). A body without a declared length is still cut off by Kestrel.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request could not be read.",
                    Detail = $"The request body is larger than the limit of {limit} bytes.",
                },
            });
            return;
        }
        await next(context);
    });
}
