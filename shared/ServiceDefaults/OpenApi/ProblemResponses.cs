using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using EcosystemMarket.ServiceDefaults.Idempotency;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// The problems an operation can answer, from what the operation is rather than from each endpoint's code, so an
/// endpoint added later is documented the same way: 400 (a validation problem) where it reads input, 404 where the
/// route names something, 409 on POST and PUT, 412 and 428 on a conditional PUT, 422 where an Idempotency-Key is kept.
/// Every one is RFC 9457 problem details (application/problem+json).
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string ContentType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "";
        var (post, put) = (HttpMethods.IsPost(method), HttpMethods.IsPut(method));
        if (description.ParameterDescriptions.Count > 0)
        {
            await AddAsync(operation, context, StatusCodes.Status400BadRequest, "The request is invalid: 'errors' names each field and what is wrong with it.",
                cancellationToken, typeof(HttpValidationProblemDetails));
        }
        if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            await AddAsync(operation, context, StatusCodes.Status404NotFound, "Nothing the caller may see has this id.", cancellationToken);
        }
        if (post || put)
        {
            await AddAsync(operation, context, StatusCodes.Status409Conflict, "The request conflicts with the resource's state or with a request still running.", cancellationToken);
        }
        if (put)
        {
            await AddAsync(operation, context, StatusCodes.Status412PreconditionFailed, "The If-Match ETag is stale (or If-None-Match: * found the resource).", cancellationToken);
            await AddAsync(operation, context, StatusCodes.Status428PreconditionRequired, $"The request lacks {Preconditions.IfMatch} (or {Preconditions.IfNoneMatch}: * to create).", cancellationToken);
        }
        if (post && context.ApplicationServices.GetService<IIdempotencyStore>() is not null)
        {
            await AddAsync(operation, context, StatusCodes.Status422UnprocessableEntity, $"The {IdempotencyKey.HeaderName} was used with another body or path.", cancellationToken);
        }
    }

    /// <summary>Documents a problem answer, replacing whatever the framework inferred for the status (often no content at all).</summary>
    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        CancellationToken cancellationToken, Type? problemType = null)
    {
        problemType ??= typeof(ProblemDetails);
        var schema = await context.GetOrCreateSchemaAsync(problemType, null, cancellationToken);
        var id = problemType.Name;
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(id, schema);

        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var existing = operation.Responses.TryGetValue(key, out var response) ? response.Description : null;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = string.IsNullOrEmpty(existing) || existing == ReasonPhrase(status) ? description : existing,
            Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new() { Schema = new OpenApiSchemaReference(id, document) } },
        };
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
