using System.Diagnostics;
using System.Reflection;

namespace EcosystemMarket.TestSupport.Processes;

/// <summary>
/// How a test starts one service as a process of its own, with the configuration the app host gives it
/// (Kestrel endpoints, ConnectionStrings__*, Jwt__SigningKey), on free ports and a data folder of its own.
/// </summary>
public sealed record ServiceLaunch(string Name, string ProjectDirectory, string AssemblyName, bool ServesGrpc)
{
    private static readonly IReadOnlyList<ServiceLaunch> Services =
    [
        new("partners", "services/Partners", "EcosystemMarket.Partners", ServesGrpc: true),
        new("matching", "services/Matching", "EcosystemMarket.Matching", ServesGrpc: true),
        new("brokering", "services/Brokering", "EcosystemMarket.Brokering", ServesGrpc: false),
        new("settlement", "services/Settlement", "EcosystemMarket.Settlement", ServesGrpc: false),
        // No database of its own: the connection string it is given is never read.
        new("gateway", "gateway", "EcosystemMarket.Gateway", ServesGrpc: false),
    ];

    public int HttpPort { get; } = FreePort.Next();
    public int GrpcPort { get; } = FreePort.Next();
    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";
    public string Database => Name + "db";

    /// <summary>The service of that name, on ports of its own.</summary>
    public static ServiceLaunch Named(string name) =>
        Services.Single(s => s.Name == name) is var known ? new(known.Name, known.ProjectDirectory, known.AssemblyName, known.ServesGrpc) : null!;

    public string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, Database + ".db");

    public ProcessStartInfo StartInfo(string messaging, string signingKey, string dataDirectory)
    {
        var assembly = Path.Combine(RepositoryRoot, ProjectDirectory, "bin", Configuration, "net10.0", AssemblyName + ".dll");
        var startInfo = new ProcessStartInfo("dotnet", [assembly]) { WorkingDirectory = Path.GetDirectoryName(assembly)! };
        var environment = startInfo.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = "";
        environment["Kestrel__Endpoints__http__Url"] = HttpUrl;
        if (ServesGrpc)
        {
            environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{GrpcPort}";
            environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        }
        environment["ConnectionStrings__messaging"] = messaging;
        environment[$"ConnectionStrings__{Database}"] = $"Data Source={DatabasePath(dataDirectory)}";
        environment["Jwt__SigningKey"] = signingKey;
        environment["OTEL_SERVICE_NAME"] = Name;
        return startInfo;
    }

    private static string RepositoryRoot => Metadata("RepositoryRoot");
    private static string Configuration => Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(ServiceLaunch).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
