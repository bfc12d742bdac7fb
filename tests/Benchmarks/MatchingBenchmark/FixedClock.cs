namespace EcosystemMarket.MatchingBenchmark;

/// <summary>Today never moves during a run, so which certifications count is the same in every path and every run.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
