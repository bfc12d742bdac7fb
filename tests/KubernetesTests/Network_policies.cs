using System.Text.RegularExpressions;
using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// Who may reach which port. Nothing gets in unless a policy says so; each gRPC port admits exactly the services whose
/// code calls it (read from their <c>http://_grpc.{service}</c> clients), each management port (/metrics) only the
/// namespace "monitoring", each REST port only the gateway (and the gateway's only the ingress controller and the
/// portal); the Ingress routes to the gateway or the portal alone.
/// </summary>
public sealed partial class Network_policies
{
    private const string Monitoring = "namespace:monitoring";

    public static TheoryData<string, string> Processes => Workload_rules.Processes;

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void Deny_every_connection_no_policy_allows(string overlay)
    {
        Assert.Contains(Kustomize.System(overlay).All<V1NetworkPolicy>(), p =>
            p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 }
            && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
    }

    [Fact]
    public void The_gRPC_callers_are_read_from_the_services_code()
    {
        Assert.Equal(["brokering", "matching", "settlement"], GrpcCallers("partners"));
        Assert.Equal(["brokering"], GrpcCallers("matching"));
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_port_admits_only_its_callers(string overlay, string process)
    {
        var system = Kustomize.System(overlay);
        var deployment = system.Deployment(process);
        var ports = deployment.Spec.Template.Spec.Containers.Single().Ports;

        foreach (var port in ports)
        {
            var expected = port.Name switch
            {
                "grpc" => GrpcCallers(process).Select(caller => $"pod:{caller}").ToArray(),
                "management" => [Monitoring],
                "http" when process == "gateway" => ["namespace:ingress-nginx", "pod:portal"],
                "http" => ["pod:gateway"],
                _ => throw new Xunit.Sdk.XunitException($"{process} has a port {port.Name} no rule covers."),
            };
            Assert.True(expected.Length > 0, $"{process}'s {port.Name} port has no caller.");
            Assert.Equal(expected.Order(), Peers(system, deployment.Spec.Template.Metadata.Labels, port).Order());
        }
        Assert.Equal(GrpcCallers(process).Any(), ports.Any(p => p.Name == "grpc"));
    }

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void The_Ingress_routes_to_the_gateway_or_the_portal_alone(string overlay)
    {
        var system = Kustomize.System(overlay);
        var backends = system.All<V1Ingress>()
            .SelectMany(i => (i.Spec.Rules ?? []).SelectMany(r => r.Http.Paths).Select(p => p.Backend)
                .Concat(i.Spec.DefaultBackend is { } fallback ? [fallback] : []))
            .ToList();

        Assert.NotEmpty(backends);
        Assert.All(backends, backend =>
        {
            Assert.Contains(backend.Service.Name, new[] { "gateway", "portal" });
            // Its REST port: never the management port, where /metrics answers.
            Assert.Equal("http", backend.Service.Port.Name);
        });
        Assert.DoesNotContain(system.All<V1Service>(), s => s.Spec.Type is "LoadBalancer" or "NodePort");
    }

    /// <summary>Who may connect to this port of pods with these labels, as "pod:{name}" or "namespace:{name}".</summary>
    private static IEnumerable<string> Peers(RenderedSystem system, IDictionary<string, string> pod, V1ContainerPort port) =>
        system.PoliciesFor(pod)
            .Where(p => p.Spec.PolicyTypes.Contains("Ingress"))
            .SelectMany(p => p.Spec.Ingress ?? [])
            .Where(rule => rule.Ports is null or { Count: 0 } || rule.Ports.Any(p => p.Port.Value == port.Name || p.Port.Value == port.ContainerPort.ToString()))
            .SelectMany(rule => rule.FromProperty is null or { Count: 0 } ? ["anyone"] : rule.FromProperty.Select(Describe))
            .Distinct();

    private static string Describe(V1NetworkPolicyPeer peer) => peer switch
    {
        { IpBlock: not null } => $"addresses:{peer.IpBlock.Cidr}",
        { NamespaceSelector.MatchLabels: { Count: 1 } ns, PodSelector: null } when ns.TryGetValue("kubernetes.io/metadata.name", out var name) => $"namespace:{name}",
        { NamespaceSelector: null, PodSelector.MatchLabels: { Count: 1 } labels } when labels.TryGetValue("app.kubernetes.io/name", out var name) => $"pod:{name}",
        _ => "a peer these rules cannot name",
    };

    /// <summary>The services whose code calls this one's gRPC API: <c>new Uri("http://_grpc.{callee}")</c> in their Extensions.cs.</summary>
    private static IReadOnlyList<string> GrpcCallers(string callee) =>
        Directory.GetDirectories(Path.Combine(Kustomize.RepositoryRoot, "services"))
            .Where(service => GrpcClient().Matches(File.ReadAllText(Path.Combine(service, "Extensions.cs"))).Any(m => m.Groups[1].Value == callee))
            .Select(service => Path.GetFileName(service).ToLowerInvariant())
            .Order()
            .ToList();

    [GeneratedRegex(@"""http://_grpc\.([a-z]+)""")]
    private static partial Regex GrpcClient();
}
