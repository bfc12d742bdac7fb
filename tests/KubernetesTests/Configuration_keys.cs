using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// The Aspire contract as the manifests give it: Kestrel endpoints that match the container ports, service addresses
/// that name real Services and ports, connection strings and keys from Secrets only, the quorum queues switched on.
/// </summary>
public sealed class Configuration_keys
{
    private static readonly string[] Services = ["partners", "matching", "brokering", "settlement"];

    public static TheoryData<string, string> Processes => Workload_rules.Processes;

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_Kestrel_endpoint_listens_on_its_container_port(string overlay, string process)
    {
        var container = Kustomize.System(overlay).Deployment(process).Spec.Template.Spec.Containers.Single();
        var environment = container.Env.Where(e => e.Value is not null).ToDictionary(e => e.Name, e => e.Value);

        Assert.All(container.Ports, port =>
        {
            var url = environment[$"Kestrel__Endpoints__{port.Name}__Url"];
            Assert.EndsWith($":{port.ContainerPort}", url);
        });
        Assert.Equal(container.Ports.Any(p => p.Name == "grpc") ? "Http2" : null, environment.GetValueOrDefault("Kestrel__Endpoints__grpc__Protocols"));
        // The services restrict /metrics to the management endpoint's port only when its URL parses ("+" does not).
        Assert.True(Uri.TryCreate(environment["Kestrel__Endpoints__management__Url"], UriKind.Absolute, out var management));
        Assert.Equal(9090, management.Port);
    }

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void Every_service_address_names_a_Service_port_of_that_endpoint(string overlay)
    {
        var system = Kustomize.System(overlay);
        var addresses = system.Named<V1ConfigMap>("ecosystemmarket-services").Data;

        Assert.Equal(RenderedSystem.Processes.Length + 2, addresses.Count);
        Assert.All(addresses, address =>
        {
            var (_, service, endpoint, _) = address.Key.Split("__") is [var a, var b, var c, var d] ? (a, b, c, d) : throw new Xunit.Sdk.XunitException(address.Key);
            var url = new Uri(address.Value);
            Assert.Equal(service, url.Host);
            Assert.Contains(system.Service(service).Spec.Ports, p => p.Name == endpoint && p.Port == url.Port);
        });
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Connection_strings_and_keys_come_from_Secrets(string overlay, string process)
    {
        var system = Kustomize.System(overlay);
        var container = system.Deployment(process).Spec.Template.Spec.Containers.Single();
        var fromConfigMaps = container.EnvFrom.Where(e => e.ConfigMapRef is not null)
            .SelectMany(e => system.Named<V1ConfigMap>(e.ConfigMapRef.Name).Data.Keys).ToList();

        Assert.Contains(container.EnvFrom, e => e.SecretRef?.Name == "ecosystemmarket-identity");
        Assert.DoesNotContain(fromConfigMaps.Concat(container.Env.Where(e => e.Value is not null).Select(e => e.Name)),
            key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && !key.EndsWith("messaging", StringComparison.Ordinal)
                   || key.StartsWith("Jwt__", StringComparison.Ordinal));
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", fromConfigMaps);
        Assert.Contains(container.Env, e => e.Name == "OTEL_SERVICE_NAME" && e.Value == process);
        if (Services.Contains(process))
        {
            Assert.Equal("ecosystemmarket-databases", container.Env.Single(e => e.Name == $"ConnectionStrings__{process}db").ValueFrom.SecretKeyRef.Name);
            // The broker's credentials: the Cluster Operator's secret, put together into the amqp URI the services read.
            Assert.All(new[] { "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD" }, name =>
                Assert.Equal("rabbitmq-default-user", container.Env.Single(e => e.Name == name).ValueFrom.SecretKeyRef.Name));
            Assert.Equal("amqp://$(RABBITMQ_USERNAME):$(RABBITMQ_PASSWORD)@rabbitmq:5672/", container.Env.Single(e => e.Name == "ConnectionStrings__messaging").Value);
            // Each owns its database: no other service's connection string reaches it.
            Assert.Single(container.Env, e => e.Name.EndsWith("db", StringComparison.Ordinal) && e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void The_portal_replicas_share_one_key_ring_from_a_Secret(string overlay)
    {
        var pod = Kustomize.System(overlay).Deployment("portal").Spec.Template.Spec;
        var container = pod.Containers.Single();

        var folder = container.Env.Single(e => e.Name == "Portal__DataProtection__KeyRing").Value;
        var mount = container.VolumeMounts.Single(m => m.MountPath == folder);
        Assert.True(mount.ReadOnlyProperty);
        Assert.Equal("portal-key-ring", pod.Volumes.Single(v => v.Name == mount.Name).Secret.SecretName);
    }

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void The_queues_are_quorum_queues_on_three_RabbitMQ_nodes(string overlay)
    {
        var system = Kustomize.System(overlay);

        Assert.Equal("true", system.Named<V1ConfigMap>("ecosystemmarket-settings").Data["Messaging__QuorumQueues"]);
        Assert.Equal(3, system.All<RabbitmqCluster>().Single().Spec.Replicas);
    }
}
