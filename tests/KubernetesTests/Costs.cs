using System.Globalization;
using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// What each overlay asks of a cluster: requests and limits summed over replicas, per component and in total, and the
/// persistent storage it claims. k8s/README.md shows the same tables; this keeps them true when a manifest changes.
/// </summary>
public sealed class Costs
{
    [Theory]
    [MemberData(nameof(Overlays_render_and_validate.Overlays), MemberType = typeof(Overlays_render_and_validate))]
    public void The_README_states_what_the_overlay_requests_and_may_use(string overlay)
    {
        var table = Table(Kustomize.System(overlay));
        TestContext.Current.TestOutputHelper?.WriteLine(table);

        var readme = File.ReadAllText(Path.Combine(Kustomize.RepositoryRoot, "k8s", "README.md"));
        Assert.True(readme.Contains(table, StringComparison.Ordinal), $"k8s/README.md does not hold the {overlay} overlay's figures:\n{table}");
    }

    /// <summary>One row per component (replicas × each pod's requests and limits), then the total.</summary>
    public static string Table(RenderedSystem system)
    {
        var rows = new List<(string Component, int Replicas, V1ResourceRequirements Each)>();
        foreach (var deployment in system.All<V1Deployment>())
        {
            rows.Add((deployment.Metadata.Name, deployment.Spec.Replicas ?? 1, Sum(deployment.Spec.Template.Spec.Containers)));
        }
        foreach (var set in system.All<V1StatefulSet>())
        {
            rows.Add((set.Metadata.Name, set.Spec.Replicas ?? 1, Sum(set.Spec.Template.Spec.Containers)));
        }
        foreach (var cluster in system.All<RabbitmqCluster>())
        {
            rows.Add(("rabbitmq", cluster.Spec.Replicas, cluster.Spec.Resources!));
        }
        var lines = new List<string>
        {
            $"| {system.Overlay} | replicas | CPU requested | memory requested | CPU limit | memory limit |",
            "|---|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.OrderBy(r => r.Component, StringComparer.Ordinal).Select(r =>
            $"| {r.Component} | {r.Replicas} | {Cpu(r.Replicas * Amount(r.Each.Requests, "cpu"))} | {Memory(r.Replicas * Amount(r.Each.Requests, "memory"))} " +
            $"| {Cpu(r.Replicas * Amount(r.Each.Limits, "cpu"))} | {Memory(r.Replicas * Amount(r.Each.Limits, "memory"))} |"));
        lines.Add($"| **total** | {rows.Sum(r => r.Replicas)} | {Cpu(rows.Sum(r => r.Replicas * Amount(r.Each.Requests, "cpu")))} " +
            $"| {Memory(rows.Sum(r => r.Replicas * Amount(r.Each.Requests, "memory")))} | {Cpu(rows.Sum(r => r.Replicas * Amount(r.Each.Limits, "cpu")))} " +
            $"| {Memory(rows.Sum(r => r.Replicas * Amount(r.Each.Limits, "memory")))} |");
        var storage = system.All<V1StatefulSet>().Sum(s => (s.Spec.Replicas ?? 1) * s.Spec.VolumeClaimTemplates.Sum(c => c.Spec.Resources.Requests["storage"].ToDecimal()))
            + system.All<RabbitmqCluster>().Sum(c => c.Spec.Replicas * (c.Spec.Persistence?.Storage?.ToDecimal() ?? 10m * 1024 * 1024 * 1024));
        lines.Add("");
        lines.Add($"Persistent volumes claimed by the {system.Overlay} overlay: {Memory(storage)}.");
        return string.Join('\n', lines);
    }

    private static V1ResourceRequirements Sum(IEnumerable<V1Container> containers)
    {
        var all = containers.ToList();
        return new V1ResourceRequirements
        {
            Requests = Totals(all.Select(c => c.Resources.Requests)),
            Limits = Totals(all.Select(c => c.Resources.Limits)),
        };
    }

    private static Dictionary<string, ResourceQuantity> Totals(IEnumerable<IDictionary<string, ResourceQuantity>> each) =>
        new[] { "cpu", "memory" }.ToDictionary(name => name, name => new ResourceQuantity(each.Sum(r => Amount(r, name)).ToString(CultureInfo.InvariantCulture)));

    private static decimal Amount(IDictionary<string, ResourceQuantity>? resources, string name) =>
        resources is not null && resources.TryGetValue(name, out var quantity) ? quantity.ToDecimal() : 0;

    private static string Cpu(decimal cores) => cores.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Memory(decimal bytes) => bytes >= 1024m * 1024 * 1024
        ? $"{(bytes / (1024m * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture)} GiB"
        : $"{(bytes / (1024m * 1024)).ToString("0", CultureInfo.InvariantCulture)} MiB";
}
