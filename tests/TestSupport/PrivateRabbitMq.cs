using EcosystemMarket.TestSupport.Processes;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// A RabbitMQ node of the tests' own (<see cref="RabbitMqNode"/>), so a test may stop and
/// start the broker without disturbing the machine's shared one. Each scenario takes a virtual host of it.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"em-rabbit-{Guid.NewGuid():N}");
    private RabbitMqNode? _node;

    public RabbitMqNode Node => _node ?? throw new InvalidOperationException("The node has not been started.");

    public async ValueTask InitializeAsync()
    {
        var server = RabbitMqNode.FindServer() ?? throw new InvalidOperationException("rabbitmq-server is not installed (apt-get install -y rabbitmq-server).");
        _node = RabbitMqNode.Create(server, _data, output: _ => { });
        await _node.StartAsync();
    }

    public async Task<RabbitMqVirtualHost> CreateVirtualHostAsync()
    {
        var vhost = new RabbitMqVirtualHost(new Uri(Node.ConnectionString), Node.CtlAsync);
        await vhost.InitializeAsync();
        return vhost;
    }

    /// <summary>Stops the broker as an operator would (rabbitmqctl stop): every connection drops.</summary>
    public Task StopAsync() => Node.StopAsync();

    public Task StartAsync() => Node.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            TryDelete(_node.Home);
        }
        TryDelete(_data);
    }

    /// <summary>Cleanup only: a node that is still letting go of its files gets a moment, then the folder is left.</summary>
    private static void TryDelete(string directory)
    {
        for (var attempt = 1; attempt <= 5 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
