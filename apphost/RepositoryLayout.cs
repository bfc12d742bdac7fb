using System.Reflection;

namespace EcosystemMarket.AppHost;

/// <summary>The checkout this app host was built from, so that the data folder is found again from any working directory.</summary>
public static class RepositoryLayout
{
    public static string Root => typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string DefaultDataDirectory => Path.Combine(Root, ".data");
}
