using EcosystemMarket.EndToEndTests;

namespace EcosystemMarket.BenchmarkSmokeTests;

/// <summary>The journey benchmark against the whole system as the app host starts it, for seconds, with two clients.</summary>
public sealed class Journeys_at_a_tiny_size(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task The_journey_benchmark_completes_journeys_without_errors_and_prints_journeys_per_second()
    {
        var (exitCode, output) = await Benchmarks_at_a_tiny_size.RunAsync("JourneyBenchmark", "EcosystemMarket.JourneyBenchmark",
            "--gateway", system.Gateway.ToString(), "--signing-key", system.SigningKey, "--clients", "2", "--seconds", "3", "--warmup", "1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("journeys/s", output, StringComparison.Ordinal);
        Assert.Contains("errors: 0", output, StringComparison.Ordinal);
    }
}
