using Scalar.AspNetCore;

namespace EcosystemMarket.Gateway;

/// <summary>
/// A browsable API reference (Scalar) at <c>/api-reference</c>, listing each service's document as the gateway serves it
/// (<c>/openapi/{service}.json</c>), so its "try it" requests go to the gateway too. Scalar.AspNetCore serves its own
/// bundled script (<c>/api-reference/scalar.js</c>): nothing is loaded from a CDN, and its hosted extras are off. Anonymous, like the documents.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, options => options
                .WithTitle("EcosystemMarket API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocuments(GatewayRoutes.Services)
                .AddPreferredSecuritySchemes("Bearer")
                // Nothing that calls Scalar's hosted services (AI agent, telemetry, MCP, deploy and SDK buttons): the reference runs offline.
                .HideDeveloperTools()
                .DisableAgent()
                .DisableTelemetry()
                .DisableMcp()
                .HideClientButton())
            .AllowAnonymous();
}
