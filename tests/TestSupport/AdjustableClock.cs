namespace EcosystemMarket.TestSupport;

/// <summary>A clock the tests can move forward, standing in for TimeProvider.System.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
