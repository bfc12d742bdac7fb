namespace EcosystemMarket.AppHost;

/// <summary>A .NET project the app host runs: its name (the service-discovery name) and its endpoints.</summary>
public sealed record ServiceResource(string Name, string ProjectDirectory, string AssemblyName, string? Database, bool ServesGrpc)
{
    public int HttpPort { get; init; }
    public int GrpcPort { get; init; }

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";

    public string AssemblyPath => Path.Combine(AppHostOptions.RepositoryRoot, ProjectDirectory, "bin", AppHostOptions.Configuration, "net10.0", AssemblyName + ".dll");

    /// <summary>In dependency order: Matching before Brokering (which calls it), the gateway last.</summary>
    public static IReadOnlyList<ServiceResource> All(int gatewayPort) =>
    [
        new("partners", "services/Partners", "EcosystemMarket.Partners", "partnersdb", ServesGrpc: true) { HttpPort = FreePort.Next(), GrpcPort = FreePort.Next() },
        new("matching", "services/Matching", "EcosystemMarket.Matching", "matchingdb", ServesGrpc: true) { HttpPort = FreePort.Next(), GrpcPort = FreePort.Next() },
        new("brokering", "services/Brokering", "EcosystemMarket.Brokering", "brokeringdb", ServesGrpc: false) { HttpPort = FreePort.Next() },
        new("settlement", "services/Settlement", "EcosystemMarket.Settlement", "settlementdb", ServesGrpc: false) { HttpPort = FreePort.Next() },
        new("gateway", "gateway", "EcosystemMarket.Gateway", null, ServesGrpc: false) { HttpPort = gatewayPort == 0 ? FreePort.Next() : gatewayPort },
    ];
}
