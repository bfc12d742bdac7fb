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
        // A copy of every win the outbox publishes waits in a queue nobody reads, through the restart.
        string witness;
        await using (var queue = await WitnessQueue.BindAsync(broker.ConnectionString, "EcosystemMarket.Contracts.V1:OpportunityWon"))
        {
            witness = queue.Name;
        }

        // Five hundred at once, and the broker stops while Settlement works through them; the other five hundred
        // are committed twenty-five at a time while the broker is down and after it is back.
        var stopped = new TaskCompletionSource();
        var feeding = system.StreamAsync(all, 25, stopped.Task, Cancel);

        var settledBeforeStop = await system.SettledAsync(wins.Owner, 100, Patience);
        await rabbit.StopAsync();
        stopped.SetResult();
        await Task.Delay(1_000, Cancel);
        var outboxWhileDown = await system.Feed.OutboxStateAsync(Cancel);
        await rabbit.StartAsync();
        // Non-durable queues would be gone now, and the messages of non-persistent ones.
        var queues = await broker.QueuesAsync();
        await feeding;

        var settled = await system.SettledAsync(wins.Owner, Wins, Patience);
        Assert.True(await system.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{system.Settlement.Tail()}");
        using var settlement = system.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        var outbox = await system.Feed.OutboxStateAsync(Cancel);
        var witnessed = await WitnessQueue.DrainAsync(broker.ConnectionString, witness);
        var settlementQueue = queues.SingleOrDefault(q => q.Name == SettlementSystem.WinQueue);
        var witnessAfterRestart = queues.SingleOrDefault(q => q.Name == witness)?.Messages ?? 0;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Stopped after {settledBeforeStop} settled; after the restart {witnessAfterRestart} wins in the witness queue and {settlementQueue?.Messages} in Settlement's; " +
            $"{outboxWhileDown.Unsent} unconfirmed in the outbox while down; " +
            $"{outbox.FailedOnce} outbox rows failed at least once and were retried; " +
            $"{system.Settlement.LinesContaining("was handled before; ignored")} redeliveries recognised by the inbox; {verdict.Summary}");
        Assert.True(settlementQueue is { Durable: true }, "Settlement's queue must be durable.");
        Assert.True(witnessAfterRestart >= settledBeforeStop, "The witness queue kept the wins published before the stop.");
        Assert.Equal(all.Select(w => w.OpportunityId).Order(), witnessed.Select(m => m.Message.GetProperty("opportunityId").GetGuid()).Distinct().Order());
        Assert.All(witnessed, m => Assert.True(m.Persistent));
        Assert.True(outboxWhileDown.Unsent > 0, "Wins committed while the broker was down wait in the outbox.");
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        Assert.Equal(0, outbox.Unsent);
    }
}
