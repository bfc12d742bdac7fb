namespace EcosystemMarket.Gateway;

/// <summary>
/// Paths that belong to the API or to the gateway itself and must never fall through to the portal's catch-all
/// route: an unknown <c>/api/...</c> or <c>/openapi/...</c> is a 404 problem, not a portal page, and <c>/metrics</c>
/// on the public port (served only on the management port when there is one) is not the portal's metrics either.
/// Their order puts them after the real routes and endpoints (order 0) but before the portal.
/// </summary>
public static class ReservedPaths
{
    private const int Order = 1;

    public static IEndpointRouteBuilder MapReservedPaths(this IEndpointRouteBuilder app)
    {
        foreach (var pattern in new[] { "/api/{**rest}", "/openapi/{**rest}", "/metrics" })
        {
            app.Map(pattern, (HttpContext context) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing is served at this path.",
                detail: $"{context.Request.Path} is neither an API route nor a document the gateway lists at /openapi.")).AllowAnonymous().ExcludeFromDescription().WithOrder(Order);
        }
        return app;
    }
}
