using EcosystemMarket.Data;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// Two Brokering processes on one database share its outbox. A backlog of wins is committed to it beside them,
/// so both dispatchers reach for the same unsent rows while the other is still publishing: each win is still
/// published once. (Without claims, both would publish the head of the backlog.)
/// </summary>
public sealed class Two_brokerings_on_one_database
{
    private const int Wins = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_each_committed_win_once()
    {
        await using var system = await SettlementSystem.StartAsync();
        var broker = system.Broker;
        await using var replicas = await BrokeringReplicas.StartAsync(broker.ConnectionString, system.Data);
        var outbox = replicas.DatabasePath;
        var witness = await WinsWitness.BindAsync(system);
        var wins = new SampleWins();
        var checker = new SettlementChecker();
        var all = wins.Take(Wins);
        checker.Expect(all);

        // Committed without waking either process: both find the backlog on their next poll, within a second.
        await CommitAsync(outbox, all);

        var unsent = await Eventually.HoldsAsync(async () => (await OutboxTable.CountAsync(outbox, cancellationToken: Cancel)).Unsent, n => n == 0, Patience);
        Assert.True(unsent == 0, $"Brokering's outbox still holds {unsent} messages.\n{replicas.Tail()}");
        var settled = await system.SettledAsync(wins.Owner, Wins, Patience);
        Assert.True(await system.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{system.Settlement.Tail()}");
        using var settlement = system.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        var published = await witness.DrainAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{published.Count} wins published, {await WinsWitness.SentByAsync(outbox)}; " +
            $"redeliveries recognised by Settlement's inbox: {system.Settlement.LinesContaining("was handled before; ignored")}; {verdict.Summary}");
        WinsWitness.AssertEachPublishedOnce(all, published);
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
    }

    /// <summary>Commits the wins to Brokering's outbox beside its processes, two hundred to a transaction.</summary>
    private static async Task CommitAsync(string outbox, IEnumerable<Contracts.V1.OpportunityWon> wins)
    {
        var database = new Database($"Data Source={outbox}", SqlDialect.Sqlite, new OutboxSignal());
        foreach (var batch in wins.Chunk(200))
        {
            await using var unit = await database.BeginAsync(Cancel);
            foreach (var won in batch)
            {
                await unit.PublishAsync(won, Cancel);
            }
            await unit.CommitAsync(Cancel);
        }
    }
}
