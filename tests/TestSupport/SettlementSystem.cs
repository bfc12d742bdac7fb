using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// Settlement as its own process on a virtual host of a real broker, a data folder of its own, and an
/// <see cref="OutboxFeed"/> publishing won deals to it: the path from an outbox to the ledger.
/// </summary>
public sealed class SettlementSystem : IAsyncDisposable
{
    public const string WinQueue = "settlement-opportunity-won";
    private readonly bool _ownsBroker;

    private SettlementSystem(RabbitMqVirtualHost broker, bool ownsBroker, string data, ServiceProcess settlement, OutboxFeed feed)
    {
        Broker = broker;
        _ownsBroker = ownsBroker;
        Data = data;
        Settlement = settlement;
        Feed = feed;
    }

    public RabbitMqVirtualHost Broker { get; }
    public string Data { get; }
    public ServiceProcess Settlement { get; }
    public OutboxFeed Feed { get; }

    /// <param name="broker">A virtual host to run on; a new one on the shared broker (deleted afterwards) when null.</param>
    public static async Task<SettlementSystem> StartAsync(RabbitMqVirtualHost? broker = null, IReadOnlyDictionary<string, string>? settlementSettings = null)
    {
        var ownsBroker = broker is null;
        if (broker is null)
        {
            broker = new RabbitMqVirtualHost();
            await broker.InitializeAsync();
        }
        var data = Path.Combine(Path.GetTempPath(), $"em-settlement-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var settlement = new ServiceProcess("settlement", broker.ConnectionString, data, TestTokens.SigningKey, settlementSettings);
        // Ready means its queue is bound: a win published before that would find no queue.
        await settlement.StartAsync();
        var feed = await OutboxFeed.StartAsync(broker.ConnectionString, data);
        return new SettlementSystem(broker, ownsBroker, data, settlement, feed);
    }

    /// <summary>
    /// Commits the first half of the wins to the outbox at once, so a backlog builds up, then waits for
    /// <paramref name="secondHalf"/> and commits the rest in batches, one every 100 ms: whatever a test does
    /// before it lets the second half go lands in the middle of the stream, on a fast machine or a slow one.
    /// </summary>
    public Task StreamAsync(IReadOnlyList<OpportunityWon> wins, int batchSize, Task secondHalf, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            var batches = wins.Chunk(batchSize).ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                if (i >= batches.Count / 2)
                {
                    await secondHalf.WaitAsync(cancellationToken);
                    await Task.Delay(100, cancellationToken);
                }
                await Feed.CommitAsync(batches[i], cancellationToken);
            }
        }, cancellationToken);

    /// <summary>Waits until the owner's ledger shows this many settled wins (each win books one entry on the owner's side).</summary>
    public async Task<int> SettledAsync(Guid owner, int expected, TimeSpan timeout)
    {
        using var client = Settlement.Client();
        return await Eventually.HoldsAsync(async () => (await SettlementChecker.ReadLedgerAsync(client, owner)).Entries.Count, n => n >= expected, timeout);
    }

    /// <summary>
    /// Waits until nothing is left in flight: the outbox confirmed, the queue drained and every delivery
    /// acknowledged (or moved to the error queue), so a duplicate still on its way cannot be missed.
    /// </summary>
    public async Task<bool> QuiescesAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await Feed.OutboxStateAsync()).Unsent == 0 && (await Broker.QueueAsync(WinQueue)).Messages == 0)
            {
                return true;
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            // rabbitmqctl starts an Erlang VM each time: poll gently on a two-core machine.
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync();
        await Settlement.DisposeAsync();
        if (_ownsBroker)
        {
            await Broker.DisposeAsync();
        }
        Directory.Delete(Data, recursive: true);
    }
}
