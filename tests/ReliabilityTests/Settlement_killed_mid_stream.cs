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

        // Five hundred at once, and Settlement is killed while it works through them; the other five hundred
        // are committed fifty at a time while it is dead and after its restart.
        var killed = new TaskCompletionSource();
        var feeding = System.StreamAsync(all, 50, killed.Task, Cancel);

        var settledBeforeKill = await System.SettledAsync(wins.Owner, 50, Patience);
        await System.Settlement.KillAsync();
        killed.SetResult();
        Assert.InRange(settledBeforeKill, 50, Wins / 2);
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
