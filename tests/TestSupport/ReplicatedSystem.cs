using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// The whole system with every service scaled out, as a Deployment of several replicas runs it: that many processes of
/// each service on one data folder (each service's SQLite file shared by its replicas, as they would share its
/// database), a gRPC caller told every replica of the API it calls, and one gateway balancing among the replicas of
/// each service. Every process has its own temporary queue where it needs one, and shares the rest.
/// </summary>
public sealed class ReplicatedSystem : IAsyncDisposable
{
    private static readonly string[] InStartOrder = ["partners", "matching", "brokering", "settlement"];
    private readonly List<ServiceProcess> _started = [];
    private readonly string _data;

    private ReplicatedSystem(string data, IReadOnlyDictionary<string, IReadOnlyList<ServiceProcess>> replicas, ServiceProcess gateway)
    {
        _data = data;
        Replicas = replicas;
        Gateway = gateway;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<ServiceProcess>> Replicas { get; }
    public ServiceProcess Gateway { get; }

    /// <summary>Starts the services in dependency order, each replica after the one before (the first migrates the database), then the gateway.</summary>
    public static async Task<ReplicatedSystem> StartAsync(string messaging, int replicas = 2)
    {
        var data = Directory.CreateTempSubdirectory("em-replicated-").FullName;
        var started = new List<ServiceProcess>();
        try
        {
            var services = new Dictionary<string, IReadOnlyList<ServiceProcess>>();
            foreach (var name in InStartOrder)
            {
                var settings = Addresses(services, "grpc", s => s.Resource.ServesGrpc, s => s.Resource.GrpcUrl);
                var processes = Enumerable.Range(0, replicas).Select(_ => new ServiceProcess(name, messaging, data, TestTokens.SigningKey, settings)).ToList();
                services[name] = processes;
                foreach (var process in processes)
                {
                    started.Add(process);
                    await process.StartAsync();
                }
            }
            var gateway = new ServiceProcess("gateway", messaging, data, TestTokens.SigningKey, Addresses(services, "http", _ => true, s => s.Resource.HttpUrl));
            started.Add(gateway);
            await gateway.StartAsync();
            return new ReplicatedSystem(data, services, gateway).Adopt(started);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }
            Directory.Delete(data, recursive: true);
            throw;
        }
    }

    /// <summary>A client of the gateway with a partner's token.</summary>
    public HttpClient ActingFor(Guid partner) => Gateway.Client(Roles.Partner, partner);

    /// <summary>The last lines of every process, to explain a failure.</summary>
    public string Tail(int lines = 30) => string.Join('\n', _started.Select(p => p.Tail(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
        Directory.Delete(_data, recursive: true);
    }

    private ReplicatedSystem Adopt(IEnumerable<ServiceProcess> processes)
    {
        _started.AddRange(processes);
        return this;
    }

    /// <summary>services__{name}__{endpoint}__{i} for every replica of every service started so far that has the endpoint.</summary>
    private static Dictionary<string, string> Addresses(Dictionary<string, IReadOnlyList<ServiceProcess>> services, string endpoint,
        Func<ServiceProcess, bool> has, Func<ServiceProcess, string> url) =>
        services.SelectMany(service => service.Value.Where(has).Select((replica, index) => ($"services__{service.Key}__{endpoint}__{index}", url(replica))))
            .ToDictionary(pair => pair.Item1, pair => pair.Item2);
}
