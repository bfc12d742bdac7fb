using System.Collections.Concurrent;
using EcosystemMarket.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

public sealed class Gauge_snapshots
{
    private sealed class Scripted(params IReadOnlyList<GaugeReading<long>>[] snapshots)
        : GaugeSnapshot<long>(TimeSpan.FromMilliseconds(20), TimeProvider.System, NullLogger.Instance)
    {
        private readonly ConcurrentQueue<IReadOnlyList<GaugeReading<long>>> _next = new(snapshots);
        private IReadOnlyList<GaugeReading<long>> _last = [];

        public bool Exhausted => _next.IsEmpty;

        protected override Task<IReadOnlyList<GaugeReading<long>>> ReadAsync(CancellationToken cancellationToken)
        {
            if (_next.TryDequeue(out var snapshot))
            {
                _last = snapshot;
            }
            return Task.FromResult(_last);
        }
    }

    private static GaugeReading<long> Tier(string tier, long partners) => new("partners", partners, [new("vendor", "*"), new("tier", tier)]);

    [Fact]
    public async Task A_series_that_drops_out_of_the_snapshot_reads_zero_instead_of_its_last_value()
    {
        using var gauges = new Scripted([Tier("gold", 2), Tier("silver", 1)], [Tier("gold", 3)]);
        await gauges.StartAsync(TestContext.Current.CancellationToken);
        while (!gauges.Exhausted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        // Exhausted once the last snapshot was read; let the loop publish it.
        await Task.Delay(100, TestContext.Current.CancellationToken);

        var series = gauges.Measurements("partners").ToDictionary(m => (string)m.Tags.ToArray().Single(t => t.Key == "tier").Value!, m => m.Value);
        await gauges.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, long> { ["gold"] = 3, ["silver"] = 0 }, series);
        Assert.Empty(gauges.Measurements("another instrument"));
    }
}
