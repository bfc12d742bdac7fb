using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every POST operation of a service that keeps keys.</summary>
internal sealed class IdempotencyKeyParameter : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsPost(context.Description.HttpMethod ?? "") && context.ApplicationServices.GetService<IIdempotencyStore>() is not null)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optional key (1–255 printable ASCII characters, such as a UUID) that makes a retry safe: the first answer is "
                    + $"kept for at least 24 hours and replayed, with '{IdempotencyKey.ReplayedHeaderName}: true', to a retry with the same key and body; "
                    + "another body or path with the key answers 422, a retry while the first is running 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
            });
        }
        return Task.CompletedTask;
    }
}
