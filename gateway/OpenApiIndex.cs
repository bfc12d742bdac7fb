namespace EcosystemMarket.Gateway;

public static class OpenApiIndex
{
    /// <summary>GET /openapi lists every service's OpenAPI document, each served through the gateway.</summary>
    public static IEndpointConventionBuilder MapOpenApiIndex(this IEndpointRouteBuilder app) =>
        app.MapGet("/openapi", () => TypedResults.Ok(GatewayRoutes.Services.Select(service => new { service, document = $"/openapi/{service}.json" })))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
