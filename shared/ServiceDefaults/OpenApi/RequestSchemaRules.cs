using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// Applies <see cref="ValidationRequiresAttribute"/> (the type's whole <c>required</c> list, those members no longer nullable)
/// and <see cref="ClosedListAttribute"/> (an <c>enum</c> on the member, or on its items when it is a list).
/// </summary>
internal sealed class RequestSchemaRules : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            var clrName = (property.AttributeProvider as MemberInfo)?.Name;
            var closed = property.DeclaringType.GetCustomAttributes<ClosedListAttribute>().FirstOrDefault(list => list.Member == clrName);
            if (closed is not null)
            {
                var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
                target.Enum = closed.Values.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
            }
            return Task.CompletedTask;
        }

        if (context.JsonTypeInfo.Type.GetCustomAttribute<ValidationRequiresAttribute>() is { } requires)
        {
            // The list replaces what the framework infers (every constructor parameter without a default): validation decides.
            schema.Required = new HashSet<string>();
            foreach (var member in requires.Members)
            {
                var json = context.JsonTypeInfo.Properties.FirstOrDefault(p => (p.AttributeProvider as MemberInfo)?.Name == member)
                    ?? throw new InvalidOperationException($"{context.JsonTypeInfo.Type.Name} has no member {member}.");
                schema.Required.Add(json.Name);
                if (schema.Properties?.TryGetValue(json.Name, out var memberSchema) == true && memberSchema is OpenApiSchema { Type: { } type } inline)
                {
                    inline.Type = type & ~JsonSchemaType.Null;
                }
            }
        }
        return Task.CompletedTask;
    }
}
