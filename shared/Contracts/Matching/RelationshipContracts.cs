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

/// <summary>One page of the pairs a caller may see, most active first (wins together, then acceptances, then invitations).</summary>
/// <param name="Names">The name of every partner the page mentions, as Matching's index knows it, so that a reader need not look each up.</param>
/// <param name="Total">How many pairs the caller may see in the window, over all pages.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last.</param>
public sealed record RelationshipsView(int WindowDays, IReadOnlyList<PairHealth> Pairs, IReadOnlyDictionary<Guid, string> Names, int Total, string? NextCursor)
{
    /// <summary>The windows relationship health is computed over, in days.</summary>
    public static readonly IReadOnlyList<int> Windows = [30, 90, 365];

    /// <summary>The partner's name as Matching knows it, else its id (a partner Matching has not indexed).</summary>
    public string NameOf(Guid partnerId) => Names?.GetValueOrDefault(partnerId) ?? partnerId.ToString();
}
