using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EcosystemMarket.Hosting;
using EcosystemMarket.Hosting.Resources;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.AppHost;

/// <summary>
/// Does an Aspire AppHost's job: starts the broker and the services in dependency order on free local
/// ports, hands each the configuration keys Aspire would (ConnectionStrings__*, services__*, OTEL_*),
/// waits for each to report healthy, serves their states and logs to the dashboard through the resource
/// service, and stops everything on Ctrl+C.
/// </summary>
public static class Orchestrator
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DashboardStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(AppHostOptions options)
    {
        var dashboardBuilt = File.Exists(DashboardResource.AssemblyPath);
        if (!PortIsFree(options.GatewayPort, "--gateway-port") || (dashboardBuilt && !PortIsFree(options.DashboardPort, "--dashboard-port")))
        {
            return 1;
        }
        Directory.CreateDirectory(options.DataDirectory);
        var signingKey = SigningKey.LoadOrCreate(options.SigningKeyFile);
        using var stopping = new CancellationTokenSource();
        // Ctrl+C and SIGTERM both stop the resources in reverse order before the app host exits.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        var tracker = new ResourceTracker();
        await using var resourceService = await ResourceService.StartAsync(tracker);
        var watching = tracker.WatchAsync(stopping.Token);
        try
        {
            var messaging = options.Messaging;
            var managementUrl = options.MessagingManagement;
            if (messaging is null)
            {
                if (RabbitMqNode.FindServer() is not { } server)
                {
                    Console.Error.WriteLine("RabbitMQ is not installed. Install it with: apt-get install -y rabbitmq-server");
                    Console.Error.WriteLine("(or pass --messaging amqp://user:pass@host:5672/ to use a broker you run).");
                    return 1;
                }
                var node = RabbitMqNode.Create(server, options.DataDirectory, management: true);
                await node.StopLeftoverAsync();
                var rabbitmq = tracker.Add(new Resource("rabbitmq", "Executable", node.Process,
                    [new("amqp", $"amqp://127.0.0.1:{node.Port}"), new("management", node.ManagementUrl!)], HealthProbes.TcpConnect(node.Port)));
                await rabbitmq.StartAsync(StartTimeout, stopping.Token);
                messaging = node.ConnectionString;
                managementUrl = node.ManagementUrl;
            }

            var services = ServiceResource.All(options.GatewayPort);
            if (services.FirstOrDefault(s => !File.Exists(s.AssemblyPath)) is { } unbuilt)
            {
                Console.Error.WriteLine($"{unbuilt.AssemblyPath} is missing; build the solution first (dotnet build).");
                return 1;
            }
            foreach (var service in services)
            {
                var process = new ManagedProcess(service.Name, service.StartInfo(services, messaging, signingKey, options.DataDirectory));
                var resource = tracker.Add(new Resource(service.Name, "Project", process, Urls(service), HealthProbes.HttpGet($"{service.HttpUrl}/health")));
                await resource.StartAsync(StartTimeout, stopping.Token);
                ManagedProcess.Announce($"[apphost] {service.Name} is healthy at {service.HttpUrl}");
            }

            var dashboard = new DashboardResource(options.DashboardPort == 0 ? FreePort.Next() : options.DashboardPort);
            var browserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var dashboardLine = dashboardBuilt
                ? await StartDashboardAsync(tracker, dashboard, new DashboardSettings(services, messaging, managementUrl, signingKey,
                    DevelopmentTokens.Create(signingKey, Roles.Admin, lifetime: TimeSpan.FromDays(30)), resourceService.Url.ToString(), resourceService.ApiKey, browserToken), stopping.Token)
                : $"not built ({DashboardResource.AssemblyPath} is missing)";

            ManagedProcess.Announce($"""

                EcosystemMarket is running.
                  Dashboard: {dashboardLine}
                  Resource service: {resourceService.Url} ({ResourceServiceDefaults.ApiKeyHeader}: {resourceService.ApiKey})
                  Gateway: {services[^1].HttpUrl}
                  Data:    {options.DataDirectory}
                  Broker:  {messaging}{(managementUrl is null ? "" : $" (management: {managementUrl}, guest/guest)")}
                Get a development token for a partner (any GUID names its organisation):
                  dotnet run --project apphost --no-build -- token --role partner --partner <GUID>{(options.DataDirectory == new AppHostOptions().DataDirectory ? "" : $" --data {options.DataDirectory}")}
                Press Ctrl+C to stop.

                """);

            if (options.SeedDemo)
            {
                _ = Seeding.DemoMode.RunAsync(new Uri(services[^1].HttpUrl), signingKey, stopping.Token);
            }
            await watching;
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (ResourceFailedException failure)
        {
            Console.Error.WriteLine($"[apphost] {failure.Message}");
            return 1;
        }
        finally
        {
            ManagedProcess.Announce("[apphost] stopping");
            await stopping.CancelAsync();
            await watching;
            await tracker.DisposeAsync();
        }
    }

    /// <summary>Starts the dashboard and returns its sign-in URL; a dashboard that fails leaves the rest running.</summary>
    private static async Task<string> StartDashboardAsync(ResourceTracker tracker, DashboardResource dashboard, DashboardSettings settings, CancellationToken cancellationToken)
    {
        var process = new ManagedProcess(DashboardResource.Name, dashboard.StartInfo(settings));
        var resource = tracker.Add(new Resource(DashboardResource.Name, "Project", process, [new("http", dashboard.Url)], HealthProbes.HttpGet($"{dashboard.Url}/health"))
        {
            Controllable = false,
        });
        try
        {
            await resource.StartAsync(DashboardStartTimeout, cancellationToken);
        }
        catch (ResourceFailedException failure)
        {
            ManagedProcess.Announce($"[apphost] {failure.Message} The rest keeps running without it.");
        }
        return dashboard.LoginUrl(settings.BrowserToken);
    }

    private static IReadOnlyList<ResourceUrl> Urls(ServiceResource service) =>
    [
        new("http", service.HttpUrl),
        .. service.ServesGrpc ? [new ResourceUrl("grpc", service.GrpcUrl)] : Array.Empty<ResourceUrl>(),
        .. service.ManagementPort != 0 ? [new ResourceUrl(ServiceResource.ManagementEndpoint, service.ManagementUrl)] : Array.Empty<ResourceUrl>(),
    ];

    private static bool PortIsFree(int port, string option)
    {
        if (port == 0 || FreePort.IsFree(port))
        {
            return true;
        }
        Console.Error.WriteLine($"Port {port} is in use; stop what uses it or pass {option} N (0 picks a free port).");
        return false;
    }
}
