using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;

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

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
