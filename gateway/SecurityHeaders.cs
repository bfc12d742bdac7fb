namespace EcosystemMarket.Gateway;

/// <summary>
/// Headers every answer of the gateway carries, the services' and the portal's included (set as the response starts,
/// after YARP has copied the destination's): no content sniffing, no framing by another site, no referrer leaving
/// the site. The CSP names only frame-ancestors, so it restricts none of the portal's own scripts and styles.
/// API answers (money, profiles) are never stored by a browser or a shared cache.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
