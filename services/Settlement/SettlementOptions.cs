namespace EcosystemMarket.Settlement;

public sealed class SettlementOptions
{
    /// <summary>How long an earned reward is held before it becomes payable (time for a deal to be reversed).</summary>
    public TimeSpan HoldingPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long after a fee between partners becomes payable it is still not overdue.</summary>
    public TimeSpan FeeGracePeriod { get; set; } = TimeSpan.Zero;
}
