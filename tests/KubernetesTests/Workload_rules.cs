using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// The rules every process of the system keeps in every overlay: replicas, disruption budget and autoscaler, probes,
/// requests and limits, a non-root pod on a read-only root file system.
/// </summary>
public sealed class Workload_rules
{
    public static TheoryData<string, string> Processes =>
        new(Kustomize.Overlays.SelectMany(overlay => RenderedSystem.Processes.Select(process => (overlay, process))));

    [Theory]
    [MemberData(nameof(Processes))]
    public void Runs_two_replicas_or_more_with_a_disruption_budget_and_an_autoscaler(string overlay, string process)
    {
        var system = Kustomize.System(overlay);
        var deployment = system.Deployment(process);
        var pods = deployment.Spec.Template.Metadata.Labels;

        Assert.True(deployment.Spec.Replicas >= 2, $"{process} runs {deployment.Spec.Replicas} replicas.");
        Assert.True(RenderedSystem.Selects(deployment.Spec.Selector, pods), $"{process}'s selector does not select its own pods.");
        var budget = Assert.Single(system.All<V1PodDisruptionBudget>(), b => RenderedSystem.Selects(b.Spec.Selector, pods));
        Assert.True(budget.Spec.MinAvailable is not null || budget.Spec.MaxUnavailable is not null);
        var autoscaler = Assert.Single(system.All<V2HorizontalPodAutoscaler>(), a => a.Spec.ScaleTargetRef is { Kind: "Deployment" } target && target.Name == process);
        Assert.True(autoscaler.Spec.MinReplicas >= 2, $"{process}'s autoscaler may scale it down to {autoscaler.Spec.MinReplicas}.");
        Assert.True(autoscaler.Spec.MaxReplicas >= autoscaler.Spec.MinReplicas);
        Assert.NotEmpty(autoscaler.Spec.Metrics);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Is_ready_on_health_alive_on_alive_and_given_time_to_start(string overlay, string process)
    {
        var container = Kustomize.System(overlay).Deployment(process).Spec.Template.Spec.Containers.Single();

        Assert.Equal("/health", container.ReadinessProbe?.HttpGet?.Path);
        Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
        Assert.NotNull(container.StartupProbe);
        foreach (var probe in new[] { container.ReadinessProbe!, container.LivenessProbe!, container.StartupProbe.HttpGet is null ? null : container.StartupProbe })
        {
            // Probed on the REST port: the management port answers /health too, but monitoring alone may reach it.
            Assert.Equal("http", probe?.HttpGet.Port.Value ?? "http");
            Assert.Contains(container.Ports, p => p.Name == "http");
        }
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Requests_and_limits_cpu_and_memory(string overlay, string process)
    {
        var resources = Kustomize.System(overlay).Deployment(process).Spec.Template.Spec.Containers.Single().Resources;

        foreach (var name in new[] { "cpu", "memory" })
        {
            Assert.True(resources?.Requests?.ContainsKey(name) == true, $"{process} requests no {name}.");
            Assert.True(resources.Limits?.ContainsKey(name) == true, $"{process} has no {name} limit.");
            Assert.True(resources.Requests[name].ToDecimal() <= resources.Limits[name].ToDecimal(), $"{process} requests more {name} than its limit.");
        }
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Runs_as_a_user_on_a_read_only_root_file_system(string overlay, string process)
    {
        var pod = Kustomize.System(overlay).Deployment(process).Spec.Template.Spec;
        var container = pod.Containers.Single();

        Assert.True(container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot, $"{process} may run as root.");
        Assert.NotEqual(0, container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser);
        Assert.True(container.SecurityContext?.ReadOnlyRootFilesystem, $"{process}'s root file system is writable.");
        Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true);
        Assert.Contains("ALL", container.SecurityContext?.Capabilities?.Drop ?? []);
        // Its one writable place: /tmp, in memory-backed scratch space of a bounded size.
        var tmp = Assert.Single(container.VolumeMounts, m => m.MountPath == "/tmp");
        Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == tmp.Name).EmptyDir?.SizeLimit);
        Assert.False(pod.AutomountServiceAccountToken ?? true, $"{process} needs no token for the Kubernetes API.");
    }

    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void Every_other_workload_runs_as_a_user_with_limits_and_long_running_ones_with_probes(string overlay)
    {
        var system = Kustomize.System(overlay);
        var others = system.PodTemplates().Where(t => !RenderedSystem.Processes.Contains(t.Workload.Split(' ')[1])).ToList();

        Assert.NotEmpty(others);
        Assert.All(others, other =>
        {
            var (workload, template) = other;
            var pod = template.Spec;
            Assert.True(pod.SecurityContext?.RunAsNonRoot, $"{workload} may run as root.");
            Assert.All(pod.Containers, container =>
            {
                Assert.True(container.Resources?.Limits?.ContainsKey("memory") == true && container.Resources.Limits.ContainsKey("cpu"), $"{workload} has no limits.");
                Assert.True(container.Resources.Requests?.ContainsKey("memory") == true && container.Resources.Requests.ContainsKey("cpu"), $"{workload} requests nothing.");
                Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{workload} may escalate privileges.");
                if (!workload.StartsWith("Job ", StringComparison.Ordinal))
                {
                    Assert.True(container.ReadinessProbe is not null && container.LivenessProbe is not null && container.StartupProbe is not null, $"{workload} lacks a probe.");
                }
            });
        });
    }
}
