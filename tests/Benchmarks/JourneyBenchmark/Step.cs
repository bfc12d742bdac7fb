namespace EcosystemMarket.JourneyBenchmark;

/// <summary>The steps of one journey, in the order a VAR takes them.</summary>
public enum Step
{
    Post,
    Suggestions,
    Invite,
    Accept,
    Win,
    Ledger,
}
