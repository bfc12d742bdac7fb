using System.Runtime.InteropServices;
using EcosystemMarket.Hosting;

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
                var rabbit = RabbitMqNode.Create(server, options.DataDirectory);
                running.Add(rabbit.Process);
                await rabbit.StartAsync(stopping.Token);
                messaging = rabbit.ConnectionString;
            }

            var services = ServiceResource.All(options.GatewayPort);
            foreach (var service in services)
            {
                if (!File.Exists(service.AssemblyPath))
                {
                    Console.Error.WriteLine($"{service.AssemblyPath} is missing; build the solution first (dotnet build).");
                    return 1;
                }
                var process = new ManagedProcess(service.Name, service.StartInfo(services, messaging, signingKey, options.DataDirectory));
                running.Add(process);
                process.Start();
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                await process.WaitUntilAsync(() => service.AnswersAsync(http), StartTimeout, stopping.Token);
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

            if (options.SeedDemo)
            {
                _ = Seeding.DemoMode.RunAsync(new Uri(gateway.HttpUrl), signingKey, stopping.Token);
            }
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
}
