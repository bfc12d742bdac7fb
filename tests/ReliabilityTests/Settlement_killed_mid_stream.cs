using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>kill -9 of Settlement while wins flow in, then a restart on the same database and queue.</summary>
public sealed class Settlement_killed_mid_stream(SettlementOnSharedBroker fixture) : IClassFixture<SettlementOnSharedBroker>
{
    private const int Wins = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private SettlementSystem System => fixture.System;

    [Fact]
    public async Task Books_each_of_a_thousand_wins_exactly_once()
    {
        var wins = new SampleWins();
        var checker = new SettlementChecker();
        var all = wins.Take(Wins);
        checker.Expect(all);

        // Twenty commits of fifty, one every 100 ms: the stream still runs when Settlement dies and while it is down.
        var feeding = Task.Run(async () =>
        {
            foreach (var batch in all.Chunk(50))
            {
                await System.Feed.CommitAsync(batch, Cancel);
                await Task.Delay(100, Cancel);
            }
        }, Cancel);

        var settledBeforeKill = await System.SettledAsync(wins.Owner, 100, Patience);
        await System.Settlement.KillAsync();
        Assert.InRange(settledBeforeKill, 100, Wins - 1);
        await Task.Delay(500, Cancel);
        await System.Settlement.StartAsync();
        await feeding;

        var settled = await System.SettledAsync(wins.Owner, Wins, Patience);
        Assert.True(await System.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{System.Settlement.Tail()}");
        using var settlement = System.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed after {settledBeforeKill} of {Wins} settled; " +
            $"{System.Settlement.LinesContaining("was handled before; ignored")} redeliveries recognised by the inbox; {verdict.Summary}");
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        Assert.Equal(0, verdict.Count(RewardOutcome.Lost));
        Assert.Equal(0, verdict.Count(RewardOutcome.SettledTwice));
    }
}
