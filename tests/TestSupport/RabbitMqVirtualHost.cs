using System.Diagnostics;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// A virtual host of its own on a real broker for one test fixture: exchanges and queues of parallel
/// fixtures never see each other's messages, and the whole host is deleted afterwards.
/// The broker is the local one (CI installs and starts it) unless ECOSYSTEM_TEST_RABBITMQ names another,
/// or a node of the test's own (<see cref="PrivateRabbitMq"/>).
/// </summary>
public sealed class RabbitMqVirtualHost(Uri broker, Func<string[], Task<string>> rabbitmqctl) : IAsyncLifetime
{
    private static readonly Uri SharedBroker = new(Environment.GetEnvironmentVariable("ECOSYSTEM_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public RabbitMqVirtualHost() : this(SharedBroker, SharedRabbitMqCtlAsync)
    {
    }

    public string Name { get; } = $"em-test-{Guid.NewGuid():N}";

    public string ConnectionString => new UriBuilder(broker) { Path = "/" + Uri.EscapeDataString(Name) }.Uri.ToString();

    /// <summary>
    /// The broker's management API (the test broker enables the plugin): ECOSYSTEM_TEST_RABBITMQ_MANAGEMENT, else
    /// port 15672 on the broker's host with its credentials.
    /// </summary>
    public string ManagementUrl => Environment.GetEnvironmentVariable("ECOSYSTEM_TEST_RABBITMQ_MANAGEMENT")
        ?? new UriBuilder(broker) { Scheme = "http", Port = 15672, Path = "/" }.Uri.ToString();

    public async ValueTask InitializeAsync()
    {
        await rabbitmqctl(["add_vhost", Name]);
        await rabbitmqctl(["set_permissions", "-p", Name, broker.UserInfo.Split(':')[0], ".*", ".*", ".*"]);
    }

    /// <summary>Each queue of the virtual host: whether it survives a broker restart, and how many messages it holds (ready and unacknowledged).</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync()
    {
        var table = await rabbitmqctl(["list_queues", "-p", Name, "--no-table-headers", "name", "durable", "messages"]);
        return table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Select(cells => new QueueState(cells[0], bool.Parse(cells[1]), long.Parse(cells[2])))
            .ToList();
    }

    /// <summary>Each queue of the virtual host with its type: classic, quorum or stream.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync()
    {
        var table = await rabbitmqctl(["list_queues", "-p", Name, "--no-table-headers", "name", "type"]);
        return table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(cells => cells[0], cells => cells[1]);
    }

    public async Task<QueueState> QueueAsync(string name) =>
        (await QueuesAsync()).SingleOrDefault(q => q.Name == name) ?? throw new InvalidOperationException($"No queue {name} in {Name}.");

    public async ValueTask DisposeAsync() => await rabbitmqctl(["delete_vhost", Name]);

    private static async Task<string> SharedRabbitMqCtlAsync(string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("rabbitmqctl could not be started; install rabbitmq-server.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
        }
        return await output;
    }
}

public sealed record QueueState(string Name, bool Durable, long Messages);
