using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// Reads rendered manifests into the typed models of the Kubernetes API (KubernetesClient's, generated from the
/// OpenAPI schema of its Kubernetes release) with the strictness of the API server's field validation: an unknown
/// field, a value of the wrong type or an unknown kind fails. Custom resources read into <see cref="CustomResources"/>.
/// </summary>
public static class KubernetesSchema
{
    private static readonly Dictionary<string, Type> Kinds = typeof(KubernetesEntityAttribute).Assembly.GetTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(t => t.Entity is not null && !string.IsNullOrEmpty(t.Entity.Kind))
        .GroupBy(t => Key(string.IsNullOrEmpty(t.Entity!.Group) ? t.Entity.ApiVersion : $"{t.Entity.Group}/{t.Entity.ApiVersion}", t.Entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly Dictionary<string, Type> CustomKinds = new()
    {
        [Key("rabbitmq.com/v1beta1", "RabbitmqCluster")] = typeof(RabbitmqCluster),
        [Key("monitoring.coreos.com/v1", "ServiceMonitor")] = typeof(ServiceMonitor),
    };

    private static readonly JsonSerializerOptions Strict = StrictOptions();

    /// <summary>The Kubernetes release whose schema the models come from (KubernetesClient names it in its version).</summary>
    public static string ModelsVersion => typeof(V1Deployment).Assembly.GetName().Version!.ToString();

    /// <summary>Every document of the YAML stream as its typed object; throws <see cref="SchemaViolation"/> at the first that does not fit.</summary>
    public static IReadOnlyList<object> Read(string yaml) => YamlToJson.Documents(yaml).Select(ReadOne).ToList();

    private static object ReadOne(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var apiVersion = root.TryGetProperty("apiVersion", out var v) ? v.GetString() : null;
        var kind = root.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var name = root.TryGetProperty("metadata", out var m) && m.TryGetProperty("name", out var n) ? n.GetString() : "?";
        var what = $"{apiVersion} {kind} {name}";
        if (apiVersion is null || kind is null)
        {
            throw new SchemaViolation($"{what}: every object needs apiVersion and kind.");
        }
        var type = Kinds.GetValueOrDefault(Key(apiVersion, kind)) ?? CustomKinds.GetValueOrDefault(Key(apiVersion, kind))
            ?? throw new SchemaViolation($"{what}: no such kind in Kubernetes {ModelsVersion} nor among the custom resources known here.");
        try
        {
            return JsonSerializer.Deserialize(json, type, Strict) ?? throw new SchemaViolation($"{what}: empty.");
        }
        catch (Exception failure) when (failure is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new SchemaViolation($"{what}: {failure.Message}", failure);
        }
    }

    private static string Key(string apiVersion, string kind) => $"{apiVersion}/{kind}";

    private static JsonSerializerOptions StrictOptions()
    {
        // KubernetesClient's own options (converters for quantities, int-or-string, times), read strictly.
        JsonSerializerOptions? models = null;
        KubernetesJson.AddJsonOptions(options => models = options);
        return new JsonSerializerOptions(models!) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
    }
}

public sealed class SchemaViolation(string message, Exception? inner = null) : Exception(message, inner);
