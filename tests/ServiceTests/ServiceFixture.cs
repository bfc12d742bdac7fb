using System.Text;
using System.Text.Json;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace EcosystemMarket.ServiceTests;

/// <summary>A service host started once per test class, with a broker virtual host of its own.</summary>
public abstract class ServiceFixture<TMarker>(string databaseName) : IAsyncLifetime where TMarker : class
{
    public RabbitMqVirtualHost Broker { get; } = new();
    public ServiceHost<TMarker> Host { get; private set; } = null!;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        await Broker.InitializeAsync();
        Host = new ServiceHost<TMarker>(databaseName, Broker.ConnectionString, ConfigureServices, Settings);

        // Ready means the bus has bound its queues: a message published before that would find no queue.
        using var client = Host.CreateClient();
        var health = await Eventually.HoldsAsync(() => client.GetAsync("/health"), response => response.IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        Assert.True(health.IsSuccessStatusCode, $"{typeof(TMarker).Assembly.GetName().Name} did not become healthy.");
    }

    /// <summary>
    /// Binds a queue of the test's own to the event's exchange, acts, and returns the first such event's message that
    /// matches (other tests of the fixture publish too).
    /// </summary>
    public async Task<JsonElement> ReceiveEventAsync(string eventName, Func<JsonElement, bool> matches, Func<Task> act)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = new Uri(Broker.ConnectionString) }.CreateConnectionAsync(cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancel);
        var exchange = $"EcosystemMarket.Contracts.V1:{eventName}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancel);
        var queue = (await channel.QueueDeclareAsync(cancellationToken: cancel)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: cancel);

        await act();

        return await Eventually.HoldsAsync(async () =>
        {
            var delivered = await channel.BasicGetAsync(queue, autoAck: true, cancel);
            return delivered is null ? (JsonElement?)null
                : JsonDocument.Parse(Encoding.UTF8.GetString(delivered.Body.Span)).RootElement.GetProperty("message");
        }, message => message is { } m && matches(m)) ?? throw new Xunit.Sdk.XunitException($"{eventName} never arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
