using System.Diagnostics;

namespace EcosystemMarket.Hosting;

/// <summary>
/// The monitoring dashboard (apphost/Dashboard), run like a service, with what it needs to reach the rest:
/// the resource service, every service's endpoints, the broker and its management API.
/// </summary>
public sealed record DashboardResource(int Port)
{
    public const string Name = "dashboard";

    /// <summary>Aspire's dashboard port, so the address is the one Aspire users expect.</summary>
    public const int DefaultPort = 18888;

    public static string AssemblyPath => Path.Combine(RepositoryLayout.Root, "apphost", "Dashboard", "bin", RepositoryLayout.Configuration, "net10.0", "EcosystemMarket.Dashboard.dll");

    public string Url => $"http://localhost:{Port}";

    /// <summary>Where a browser signs in with the run's token, as Aspire prints it.</summary>
    public string LoginUrl(string browserToken) => $"{Url}/login?t={browserToken}";

    public ProcessStartInfo StartInfo(DashboardSettings settings)
    {
        var startInfo = new ProcessStartInfo("dotnet", [AssemblyPath]) { WorkingDirectory = Path.GetDirectoryName(AssemblyPath)! };
        var environment = startInfo.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = Url;
        environment[ResourceServiceDefaults.UrlKey] = settings.ResourceServiceUrl;
        environment[ResourceServiceDefaults.ApiKeyKey.Replace(":", "__")] = settings.ResourceServiceApiKey;
        environment["Dashboard__Frontend__BrowserToken"] = settings.BrowserToken;
        environment["Dashboard__ServiceToken"] = settings.ServiceToken;
        environment["Jwt__SigningKey"] = settings.SigningKey;
        environment["ConnectionStrings__messaging"] = settings.Messaging;
        if (settings.RabbitMqManagementUrl is { } management)
        {
            environment["Dashboard__RabbitMq__ManagementUrl"] = management;
        }
        ServiceResource.AddServiceEndpoints(environment, settings.Services);
        environment["OTEL_SERVICE_NAME"] = Name;
        ServiceResource.AddConsoleLogging(environment);
        return startInfo;
    }
}

/// <param name="ServiceToken">An admin token for the APIs the dashboard calls through the gateway.</param>
/// <param name="BrowserToken">What a browser presents once at /login?t= to be let in.</param>
public sealed record DashboardSettings(
    IReadOnlyList<ServiceResource> Services,
    string Messaging,
    string? RabbitMqManagementUrl,
    string SigningKey,
    string ServiceToken,
    string ResourceServiceUrl,
    string ResourceServiceApiKey,
    string BrowserToken);
