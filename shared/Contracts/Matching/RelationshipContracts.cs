namespace EcosystemMarket.Contracts.Matching;

// Matching's relationship-health answer (GET /api/matching/relationships), shared with the dashboard that reads it.

public enum Trend
{
    Steady,
    Rising,
    Falling,
}

/// <summary>How two partners work together within a time window, in both directions.</summary>
public sealed record PairHealth(
    Guid PartnerId,
    Guid CounterpartId,
    int InvitationsSent,
    int InvitationsReceived,
    int Accepted,
    int Declined,
    int Expired,
    TimeSpan? MedianResponse,
    int WinsTogether,
    int Conflicts,
    bool Reciprocal,
    Trend Trend);
