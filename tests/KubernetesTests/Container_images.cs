using System.Xml.Linq;

namespace EcosystemMarket.KubernetesTests;

/// <summary>
/// The images the overlays deploy are those <c>dotnet publish -t:PublishContainer</c> builds: the repository and tag of
/// each project as containers.props names them (a registry in front, in production).
/// </summary>
public sealed class Container_images
{
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["partners"] = "EcosystemMarket.Partners",
        ["matching"] = "EcosystemMarket.Matching",
        ["brokering"] = "EcosystemMarket.Brokering",
        ["settlement"] = "EcosystemMarket.Settlement",
        ["gateway"] = "Gateway",
        ["portal"] = "Portal",
    };

    public static TheoryData<string, string> Processes => Workload_rules.Processes;

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_process_runs_the_image_its_project_publishes(string overlay, string process)
    {
        var (repository, tag) = ContainerProperties(Projects[process]);
        var image = Kustomize.System(overlay).Deployment(process).Spec.Template.Spec.Containers.Single().Image;

        Assert.EndsWith($"{repository}:{tag}", image);
        if (overlay == "production")
        {
            // From a registry the cluster pulls from, never the local daemon's bare name.
            Assert.StartsWith("registry.example.com/", image);
        }
    }

    /// <summary>ContainerRepository (per project) and the tag, read from containers.props as MSBuild would.</summary>
    private static (string Repository, string Tag) ContainerProperties(string project)
    {
        var properties = XDocument.Load(Path.Combine(Kustomize.RepositoryRoot, "containers.props")).Descendants("PropertyGroup").Elements().ToList();
        var repository = properties.Single(p => p.Name == "ContainerRepository" && ((string?)p.Attribute("Condition"))?.Contains($"'{project}'", StringComparison.Ordinal) == true).Value;
        var tag = properties.Single(p => p.Name == "EcosystemMarketImageTag").Value;
        return (repository, tag);
    }
}
