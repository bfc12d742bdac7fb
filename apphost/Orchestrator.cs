using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EcosystemMarket.AppHost;

/// <summary>
/// Does an Aspire AppHost's job: starts the broker and the services in dependency order on free local
/// ports, hands each the configuration keys Aspire would (ConnectionStrings__*, services__*, OTEL_*),
/// waits for each to report healthy, and stops everything on Ctrl+C.
/// </summary>
public static class Orchestrator
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(AppHostOptions options)
    {
        if (options.GatewayPort != 0 && !FreePort.IsFree(options.GatewayPort))
        {
            Console.Error.WriteLine($"Port {options.GatewayPort} is in use; stop what uses it or pass --gateway-port N (0 picks a free port).");
            return 1;
        }
        Directory.CreateDirectory(options.DataDirectory);
        var signingKey = SigningKey.LoadOrCreate(options.SigningKeyFile);
        var running = new List<ManagedProcess>();
        var stopping = new CancellationTokenSource();
        // Ctrl+C and SIGTERM both stop the resources in reverse order before the app host exits.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        try
        {
            var messaging = options.Messaging;
            if (messaging is null)
            {
                if (RabbitMqNode.FindServer() is not { } server)
                {
                    Console.Error.WriteLine("RabbitMQ is not installed. Install it with: apt-get install -y rabbitmq-server");
                    Console.Error.WriteLine("(or pass --messaging amqp://user:pass@host:5672/ to use a broker you run).");
                    return 1;
                }
                var (rabbit, connectionString, port) = RabbitMqNode.Create(server, options.DataDirectory);
                running.Add(rabbit);
                rabbit.Start();
                await WaitUntilAsync(rabbit, () => FreePort.AcceptsConnectionsAsync(port), stopping.Token);
                messaging = connectionString;
            }

            var services = ServiceResource.All(options.GatewayPort);
            foreach (var service in services)
            {
                if (!File.Exists(service.AssemblyPath))
                {
                    Console.Error.WriteLine($"{service.AssemblyPath} is missing; build the solution first (dotnet build).");
                    return 1;
                }
                var process = new ManagedProcess(service.Name, StartInfo(service, services, messaging, signingKey, options));
                running.Add(process);
                process.Start();
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                await WaitUntilAsync(process, () => IsHealthyAsync(http, service), stopping.Token);
                ManagedProcess.Announce($"[apphost] {service.Name} is healthy at {service.HttpUrl}");
            }

            var gateway = services[^1];
            ManagedProcess.Announce($"""

                EcosystemMarket is running.
                  Gateway: {gateway.HttpUrl}
                  Data:    {options.DataDirectory}
                  Broker:  {messaging}
                Get a development token for a partner (any GUID names its organisation):
                  dotnet run --project apphost --no-build -- token --role partner --partner <GUID>{(options.DataDirectory == new AppHostOptions().DataDirectory ? "" : $" --data {options.DataDirectory}")}
                Press Ctrl+C to stop.

                """);

            await WatchAsync(running, stopping.Token);
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
            running.Reverse();
            foreach (var process in running)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static ProcessStartInfo StartInfo(ServiceResource service, IReadOnlyList<ServiceResource> all, string messaging, string signingKey, AppHostOptions options)
    {
        var startInfo = new ProcessStartInfo("dotnet", [service.AssemblyPath]) { WorkingDirectory = Path.GetDirectoryName(service.AssemblyPath)! };
        var environment = startInfo.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = "";
        environment["Kestrel__Endpoints__http__Url"] = service.HttpUrl;
        if (service.ServesGrpc)
        {
            environment["Kestrel__Endpoints__grpc__Url"] = service.GrpcUrl;
            environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        }
        environment["ConnectionStrings__messaging"] = messaging;
        if (service.Database is { } database)
        {
            environment[$"ConnectionStrings__{database}"] = $"Data Source={Path.Combine(options.DataDirectory, database + ".db")}";
        }
        foreach (var other in all.Where(o => o != service))
        {
            environment[$"services__{other.Name}__http__0"] = other.HttpUrl;
            if (other.ServesGrpc)
            {
                environment[$"services__{other.Name}__grpc__0"] = other.GrpcUrl;
            }
        }
        environment["Jwt__SigningKey"] = signingKey;
        environment["OTEL_SERVICE_NAME"] = service.Name;
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ";
        return startInfo;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, ServiceResource service)
    {
        try
        {
            using var response = await http.GetAsync($"{service.HttpUrl}/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(ManagedProcess process, Func<Task<bool>> ready, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await ready())
        {
            if (process.HasExited)
            {
                throw new ResourceFailedException($"{process.Name} exited with code {process.ExitCode} while starting.");
            }
            if (deadline.Elapsed > StartTimeout)
            {
                throw new ResourceFailedException($"{process.Name} was not ready within {StartTimeout.TotalSeconds} s.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task WatchAsync(IReadOnlyList<ManagedProcess> running, CancellationToken cancellationToken)
    {
        var reported = new HashSet<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var process in running.Where(p => p.HasExited && reported.Add(p.Name)))
            {
                ManagedProcess.Announce($"[apphost] {process.Name} stopped (exit code {process.ExitCode}); the rest keeps running.");
            }
            await Task.Delay(1000, cancellationToken);
        }
    }

    private sealed class ResourceFailedException(string message) : Exception(message);
}
