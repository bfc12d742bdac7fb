namespace EcosystemMarket.Settlement;

public sealed class SettlementOptions
{
    /// <summary>How long an earned reward is held before it becomes payable (time for a deal to be reversed).</summary>
    public TimeSpan HoldingPeriod { get; set; } = TimeSpan.FromDays(30);
}
