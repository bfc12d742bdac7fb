using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// The broker is stopped (rabbitmqctl stop) and started again while wins flow from an outbox to Settlement:
/// durable queues and persistent messages keep what the broker held, and the outbox keeps what it had not
/// yet had confirmed, retrying until the broker confirms it.
/// </summary>
[Collection(nameof(PrivateBroker))]
public sealed class RabbitMq_restarted_mid_stream(PrivateRabbitMq rabbit)
{
    private const int Wins = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loses_no_win_and_books_none_twice()
    {
        await using var broker = await rabbit.CreateVirtualHostAsync();
        await using var system = await SettlementSystem.StartAsync(broker);
        var wins = new SampleWins();
        var checker = new SettlementChecker();
        var all = wins.Take(Wins);
        checker.Expect(all);

        // Forty commits of twenty-five, one every 100 ms: the stream goes on while the broker is down.
        var feeding = Task.Run(async () =>
        {
            foreach (var batch in all.Chunk(25))
            {
                await system.Feed.CommitAsync(batch, Cancel);
                await Task.Delay(100, Cancel);
            }
        }, Cancel);

        var settledBeforeStop = await system.SettledAsync(wins.Owner, 150, Patience);
        var queue = await broker.QueueAsync(SettlementSystem.WinQueue);
        await rabbit.StopAsync();
        var outboxWhileDown = await system.Feed.OutboxStateAsync(Cancel);
        await rabbit.StartAsync();
        await feeding;

        var settled = await system.SettledAsync(wins.Owner, Wins, Patience);
        Assert.True(await system.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{system.Settlement.Tail()}");
        using var settlement = system.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        var outbox = await system.Feed.OutboxStateAsync(Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Stopped after {settledBeforeStop} settled, {queue.Messages} in the queue, {outboxWhileDown.Unsent} unconfirmed in the outbox; " +
            $"{outbox.FailedOnce} outbox rows failed at least once and were retried; " +
            $"{system.Settlement.LinesContaining("was handled before; ignored")} redeliveries recognised by the inbox; {verdict.Summary}");
        Assert.True(queue.Durable, "Settlement's queue must be durable.");
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        Assert.Equal(0, outbox.Unsent);
    }
}
