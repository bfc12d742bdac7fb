using EcosystemMarket.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.OpenApi;

namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// What every service's OpenAPI document says without a line in any endpoint: the bearer scheme where a token is
/// needed, the problems each kind of operation can answer, the Idempotency-Key header, required members and closed
/// lists of requests, and the gateway as the one server.
/// </summary>
public static class OpenApiConventions
{
    public static OpenApiOptions AddEcosystemConventions(this OpenApiOptions options)
    {
        var security = new BearerSecurity();
        options.AddDocumentTransformer(security);
        options.AddDocumentTransformer<GatewayServer>();
        options.AddOperationTransformer<IdempotencyKeyParameter>();
        options.AddOperationTransformer<ProblemResponses>();
        options.AddOperationTransformer(security);
        options.AddSchemaTransformer<RequestSchemaRules>();
        return options;
    }
}
