using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// What <c>kubectl apply -k</c> would send: each overlay renders, and every object in it fits the schema of its kind
/// (the Kubernetes release of KubernetesClient's models; the small schemas of <see cref="CustomResources"/> for the two
/// custom resources).
/// </summary>
public sealed class Overlays_render_and_validate
{
    public static TheoryData<string> Overlays => new(Kustomize.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_of_the_overlay_fits_its_schema(string overlay)
    {
        var system = Kustomize.System(overlay);

        TestContext.Current.TestOutputHelper?.WriteLine($"{overlay}: {system.Objects.Count} objects, read with the models of KubernetesClient {KubernetesSchema.ModelsVersion}: " +
            string.Join(", ", system.Objects.GroupBy(o => o.GetType().Name).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")));
        Assert.All(RenderedSystem.Processes, name => Assert.NotNull(system.Deployment(name)));
        Assert.Single(system.All<RabbitmqCluster>());
        Assert.Single(system.All<V1Ingress>());
    }

    [Fact]
    public void Dev_runs_SQL_Server_in_the_namespace_and_production_names_an_external_one()
    {
        var dev = Kustomize.System("dev");
        var production = Kustomize.System("production");

        Assert.Equal("mcr.microsoft.com/mssql/server:2022-latest", dev.Named<V1StatefulSet>("sqlserver").Spec.Template.Spec.Containers.Single().Image);
        Assert.Contains(dev.All<V1Secret>(), s => s.Metadata.Name == "ecosystemmarket-databases");
        Assert.Empty(production.All<V1StatefulSet>());
        // Production's connection strings are a Secret created beside the overlay, never one in the repository.
        Assert.DoesNotContain(production.All<V1Secret>(), s => s.Metadata.Name == "ecosystemmarket-databases");
    }

    [Fact]
    public void Dev_sends_telemetry_to_the_Aspire_dashboard_and_production_scrapes_with_ServiceMonitors()
    {
        var dev = Kustomize.System("dev");
        var production = Kustomize.System("production");

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspire-dashboard:", dev.Deployment("aspire-dashboard").Spec.Template.Spec.Containers.Single().Image);
        // Generated with a hash of its content in its name: a change of the pipelines rolls the collector.
        var pipelines = dev.All<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("otel-collector-config-", StringComparison.Ordinal));
        Assert.Contains("endpoint: aspire-dashboard:18889", pipelines.Data["config.yaml"]);
        Assert.DoesNotContain(production.All<V1Deployment>(), d => d.Metadata.Name == "aspire-dashboard");
        var monitor = production.All<ServiceMonitor>().Single(m => m.Metadata.Name == "ecosystemmarket");
        Assert.All(RenderedSystem.Processes, name =>
            Assert.True(RenderedSystem.Selects(monitor.Spec.Selector, production.Service(name).Metadata.Labels), $"The ServiceMonitor does not select {name}."));
        Assert.Equal(["management"], monitor.Spec.Endpoints.Select(e => e.Port));
    }
}
