using System.Reflection;

namespace EcosystemMarket.Hosting;

/// <summary>Where the built services are: this checkout, in the configuration this assembly was built with.</summary>
public static class RepositoryLayout
{
    public static string Root => Metadata("RepositoryRoot");
    public static string Configuration => Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
