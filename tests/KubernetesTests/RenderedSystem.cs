using k8s;
using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>An overlay's objects, typed, with the questions the rules ask of them.</summary>
public sealed class RenderedSystem(string overlay, IReadOnlyList<object> objects)
{
    /// <summary>The system's own processes: each a Deployment the rules hold for in full.</summary>
    public static readonly string[] Processes = ["partners", "matching", "brokering", "settlement", "gateway", "portal"];

    public string Overlay { get; } = overlay;
    public IReadOnlyList<object> Objects { get; } = objects;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string name) => Named<V1Deployment>(name);
    public V1Service Service(string name) => Named<V1Service>(name);

    public T Named<T>(string name) where T : IMetadata<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Overlay}: no {typeof(T).Name} {name}.");

    /// <summary>Every workload's pod template, by kind and name: Deployments, StatefulSets and Jobs.</summary>
    public IEnumerable<(string Workload, V1PodTemplateSpec Template)> PodTemplates() =>
        All<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => ($"StatefulSet {s.Metadata.Name}", s.Spec.Template)))
            .Concat(All<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template)));

    /// <summary>The NetworkPolicies whose pod selector selects pods with these labels.</summary>
    public IEnumerable<V1NetworkPolicy> PoliciesFor(IDictionary<string, string> podLabels) =>
        All<V1NetworkPolicy>().Where(p => Selects(p.Spec.PodSelector, podLabels));

    public static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException($"Unknown selector operator {e.OperatorProperty}."),
        });
}
