using System.Text.Json;
using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

// The two custom resources the manifests use, as small schemas of the fields they use (read as strictly as the
// built-in kinds: a field not declared here is refused). The operators' full CRDs are not vendored.

/// <summary><c>rabbitmq.com/v1beta1</c> RabbitmqCluster of the RabbitMQ Cluster Operator: the fields the manifests set.</summary>
public sealed record RabbitmqCluster(string ApiVersion, string Kind, V1ObjectMeta Metadata, RabbitmqClusterSpec Spec);

public sealed record RabbitmqClusterSpec(
    int Replicas,
    V1ResourceRequirements? Resources,
    RabbitmqPersistence? Persistence,
    RabbitmqConfiguration? Rabbitmq,
    RabbitmqOverride? Override);

public sealed record RabbitmqPersistence(string? StorageClassName, ResourceQuantity? Storage);

public sealed record RabbitmqConfiguration(IReadOnlyList<string>? AdditionalPlugins, string? AdditionalConfig, string? AdvancedConfig, string? EnvConfig);

/// <summary>The operator merges these into the StatefulSet and Service it creates.</summary>
public sealed record RabbitmqOverride(RabbitmqStatefulSetOverride? StatefulSet, JsonElement? Service);

public sealed record RabbitmqStatefulSetOverride(V1StatefulSetSpec? Spec);

/// <summary><c>monitoring.coreos.com/v1</c> ServiceMonitor of the Prometheus Operator: the fields the manifests set.</summary>
public sealed record ServiceMonitor(string ApiVersion, string Kind, V1ObjectMeta Metadata, ServiceMonitorSpec Spec);

public sealed record ServiceMonitorSpec(V1LabelSelector Selector, IReadOnlyList<ServiceMonitorEndpoint> Endpoints, ServiceMonitorNamespaces? NamespaceSelector);

public sealed record ServiceMonitorEndpoint(string Port, string? Path, string? Interval, string? Scheme);

public sealed record ServiceMonitorNamespaces(bool? Any, IReadOnlyList<string>? MatchNames);
