using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// Two Settlement processes on one database and one queue, as two replicas run, fed by an outbox that two
/// dispatchers share: each win goes to the broker once and is booked once.
/// </summary>
public sealed class Two_settlements_on_one_database
{
    private const int Wins = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Book_each_of_a_thousand_wins_once()
    {
        await using var system = await SettlementSystem.StartAsync();
        await using var replica = new ServiceProcess("settlement", system.Broker.ConnectionString, system.Data, TestTokens.SigningKey);
        await replica.StartAsync();
        // A second dispatcher on the feed's outbox table, as a second replica of the publishing service would be.
        await using var secondFeed = await OutboxFeed.StartAsync(system.Broker.ConnectionString, system.Data);
        var witness = await WinsWitness.BindAsync(system);
        var wins = new SampleWins();
        var checker = new SettlementChecker();
        var all = wins.Take(Wins);
        checker.Expect(all);

        var batches = all.Chunk(50).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            await (i % 2 == 0 ? system.Feed : secondFeed).CommitAsync(batches[i], Cancel);
        }

        var settled = await system.SettledAsync(wins.Owner, Wins, Patience);
        Assert.True(await system.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{system.Settlement.Tail()}\n{replica.Tail()}");
        using var settlement = replica.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        var published = await witness.DrainAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{published.Count} wins published, {await WinsWitness.SentByAsync(Path.Combine(system.Data, "feed.db"))}; " +
            $"redeliveries recognised by the inboxes: {system.Settlement.LinesContaining("was handled before; ignored")} and {replica.LinesContaining("was handled before; ignored")}; {verdict.Summary}");
        Assert.Equal(0, verdict.Count(RewardOutcome.Lost));
        Assert.Equal(0, verdict.Count(RewardOutcome.SettledTwice));
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        WinsWitness.AssertEachPublishedOnce(all, published);
    }
}
