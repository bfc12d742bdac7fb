using System.Diagnostics;

namespace EcosystemMarket.Hosting;

/// <summary>A .NET project the app host runs: its name (the service-discovery name) and its endpoints.</summary>
public sealed record ServiceResource(string Name, string ProjectDirectory, string AssemblyName, string? Database, bool ServesGrpc)
{
    public int HttpPort { get; init; }
    public int GrpcPort { get; init; }

    /// <summary>
    /// A port of its own for /metrics, for a service whose HTTP port is public (the gateway): what it serves
    /// there stays internal. 0: none, /metrics answers on the HTTP port.
    /// </summary>
    public int ManagementPort { get; init; }

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";
    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";

    public string AssemblyPath => Path.Combine(RepositoryLayout.Root, ProjectDirectory, "bin", RepositoryLayout.Configuration, "net10.0", AssemblyName + ".dll");

    /// <summary>The name of the Kestrel endpoint, and of the service-discovery endpoint, that serves /metrics when there is one.</summary>
    public const string ManagementEndpoint = "management";

    /// <summary>In dependency order: Matching before Brokering (which calls it), the gateway last.</summary>
    public static IReadOnlyList<ServiceResource> All(int gatewayPort) =>
    [
        new("partners", "services/Partners", "EcosystemMarket.Partners", "partnersdb", ServesGrpc: true) { HttpPort = FreePort.Next(), GrpcPort = FreePort.Next() },
        new("matching", "services/Matching", "EcosystemMarket.Matching", "matchingdb", ServesGrpc: true) { HttpPort = FreePort.Next(), GrpcPort = FreePort.Next() },
        new("brokering", "services/Brokering", "EcosystemMarket.Brokering", "brokeringdb", ServesGrpc: false) { HttpPort = FreePort.Next() },
        new("settlement", "services/Settlement", "EcosystemMarket.Settlement", "settlementdb", ServesGrpc: false) { HttpPort = FreePort.Next() },
        new("gateway", "gateway", "EcosystemMarket.Gateway", null, ServesGrpc: false)
        {
            HttpPort = gatewayPort == 0 ? FreePort.Next() : gatewayPort, ManagementPort = FreePort.Next(),
        },
    ];

    /// <summary>One of <see cref="All"/> by name, on free ports, for running some services without the rest.</summary>
    public static ServiceResource Named(string name) => All(gatewayPort: 0).Single(s => s.Name == name);

    public string? DatabasePath(string dataDirectory) => Database is { } database ? Path.Combine(dataDirectory, database + ".db") : null;

    /// <summary>
    /// The command and the configuration an Aspire AppHost would give this service: Kestrel endpoints, the
    /// broker and its own database as connection strings, every other service's endpoints as services__ keys.
    /// </summary>
    public ProcessStartInfo StartInfo(IEnumerable<ServiceResource> others, string messaging, string signingKey, string dataDirectory)
    {
        var startInfo = new ProcessStartInfo("dotnet", [AssemblyPath]) { WorkingDirectory = Path.GetDirectoryName(AssemblyPath)! };
        var environment = startInfo.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = "";
        environment["Kestrel__Endpoints__http__Url"] = HttpUrl;
        if (ServesGrpc)
        {
            environment["Kestrel__Endpoints__grpc__Url"] = GrpcUrl;
            environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        }
        if (ManagementPort != 0)
        {
            environment[$"Kestrel__Endpoints__{ManagementEndpoint}__Url"] = ManagementUrl;
        }
        environment["ConnectionStrings__messaging"] = messaging;
        if (DatabasePath(dataDirectory) is { } database)
        {
            environment[$"ConnectionStrings__{Database}"] = $"Data Source={database}";
        }
        AddServiceEndpoints(environment, others.Where(o => o.Name != Name));
        environment["Jwt__SigningKey"] = signingKey;
        environment["OTEL_SERVICE_NAME"] = Name;
        AddConsoleLogging(environment);
        return startInfo;
    }

    /// <summary>The services__ keys by which Aspire's service discovery finds each service's endpoints.</summary>
    public static void AddServiceEndpoints(IDictionary<string, string?> environment, IEnumerable<ServiceResource> services)
    {
        foreach (var service in services)
        {
            environment[$"services__{service.Name}__http__0"] = service.HttpUrl;
            if (service.ServesGrpc)
            {
                environment[$"services__{service.Name}__grpc__0"] = service.GrpcUrl;
            }
            if (service.ManagementPort != 0)
            {
                environment[$"services__{service.Name}__{ManagementEndpoint}__0"] = service.ManagementUrl;
            }
        }
    }

    /// <summary>One line per log entry, so the app host's console and the resource logs stay readable.</summary>
    public static void AddConsoleLogging(IDictionary<string, string?> environment)
    {
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ";
    }

    /// <summary><c>/health</c>: ready (database and broker reachable); <c>/alive</c>: the process answers.</summary>
    public async Task<bool> AnswersAsync(HttpClient http, string path = "/health")
    {
        try
        {
            using var response = await http.GetAsync($"{HttpUrl}{path}");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
