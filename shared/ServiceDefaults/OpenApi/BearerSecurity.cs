using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// The JWT bearer scheme, required by every operation that does not allow anonymous callers: the fallback policy
/// (<see cref="Authentication.JwtAuthentication"/>) asks every endpoint for a user unless it says otherwise, so an
/// operation is documented as authorised unless its endpoint carries <see cref="IAllowAnonymous"/>.
/// </summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token for a partner, vendor or administrator (claims sub, role, partner_id, vendor_id).",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IsAuthorised(context))
        {
            return;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status401Unauthorized, "No valid bearer token.", cancellationToken);
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status403Forbidden, "The token does not allow this.", cancellationToken);
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status429TooManyRequests, "The caller's request budget is spent; see Retry-After.", cancellationToken);
    }

    public static bool IsAuthorised(OpenApiOperationTransformerContext context) =>
        !context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
}
