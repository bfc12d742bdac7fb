namespace EcosystemMarket.Gateway;

/// <summary>
/// One CORS policy: the portal's origins (<c>Gateway:Cors:Origins</c>, by default the portal's address the app host gives,
/// <c>services:portal:http:0</c>) may call the API from a browser with their token and conditional headers, and read the
/// headers the API answers with. Any other origin gets no CORS headers, so its browser refuses the answer. Preflights
/// are answered here, before authentication, which would otherwise refuse them for lacking a token.
/// </summary>
public static class PortalCors
{
    public const string PolicyName = "portal";

    public static IServiceCollection AddPortalCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Gateway:Cors:Origins").Get<string[]>() is { Length: > 0 } configured ? configured
            : configuration[$"services:{GatewayRoutes.Portal}:http:0"] is { Length: > 0 } portal ? [portal]
            : [];
        return services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .WithOrigins([.. origins.Select(origin => origin.TrimEnd('/'))])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", CorrelationId.Header)
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed", CorrelationId.Header)
            .AllowCredentials()
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}
