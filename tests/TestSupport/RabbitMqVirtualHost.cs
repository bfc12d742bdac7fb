using System.Diagnostics;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// A virtual host of its own on the real broker for one test fixture: exchanges and queues of parallel
/// fixtures never see each other's messages, and the whole host is deleted afterwards.
/// The broker is the local one (CI installs and starts it) unless ECOSYSTEM_TEST_RABBITMQ names another.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncLifetime
{
    private static readonly Uri Broker = new(Environment.GetEnvironmentVariable("ECOSYSTEM_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public string Name { get; } = $"em-test-{Guid.NewGuid():N}";

    public string ConnectionString => new UriBuilder(Broker) { Path = "/" + Uri.EscapeDataString(Name) }.Uri.ToString();

    public async ValueTask InitializeAsync()
    {
        await RabbitMqCtlAsync("add_vhost", Name);
        await RabbitMqCtlAsync("set_permissions", "-p", Name, Broker.UserInfo.Split(':')[0], ".*", ".*", ".*");
    }

    public async ValueTask DisposeAsync() => await RabbitMqCtlAsync("delete_vhost", Name);

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("rabbitmqctl could not be started; install rabbitmq-server.");
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
