using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// Feeds <see cref="OpportunityWon"/> to the broker the way Brokering does, without its HTTP round trips:
/// each batch is committed to an outbox table and published by the production <c>OutboxDispatcher</c> on
/// the production bus configuration (<c>AddDatabase</c> and <c>AddMessaging</c>), in this process.
/// </summary>
public sealed class OutboxFeed : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _databasePath;

    private OutboxFeed(IHost host, string databasePath)
    {
        _host = host;
        _databasePath = databasePath;
    }

    public Database Database => _host.Services.GetRequiredService<Database>();

    public static async Task<OutboxFeed> StartAsync(string messaging, string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "feed.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:feeddb"] = $"Data Source={databasePath}",
            ["ConnectionStrings:messaging"] = messaging,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.AddDatabase("feeddb", typeof(OutboxFeed).Assembly);
        builder.AddMessaging("feed");
        var host = builder.Build();
        await host.StartAsync();
        return new OutboxFeed(host, databasePath);
    }

    /// <summary>Commits the wins in one transaction, as a service commits its change with its events.</summary>
    public async Task CommitAsync(IEnumerable<OpportunityWon> wins, CancellationToken cancellationToken = default)
    {
        await using var unit = await Database.BeginAsync(cancellationToken);
        foreach (var won in wins)
        {
            await unit.PublishAsync(won, cancellationToken);
        }
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Publishes past the outbox with a message id of the caller's choosing: how a redelivery looks to a consumer.</summary>
    public Task PublishAsync(OpportunityWon won, Guid messageId, CancellationToken cancellationToken = default) =>
        _host.Services.GetRequiredService<IBus>().Publish(won, context => context.MessageId = messageId, cancellationToken);

    /// <summary>Rows committed but not yet confirmed by the broker, and rows whose publishing failed at least once.</summary>
    public Task<OutboxTable.Counts> OutboxStateAsync(CancellationToken cancellationToken = default) =>
        OutboxTable.CountAsync(_databasePath, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
