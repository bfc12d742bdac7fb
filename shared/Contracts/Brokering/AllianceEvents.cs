namespace EcosystemMarket.Contracts.V1;

// Alliances: two or more partners who share pipeline within a scope. Brokering owns them, because the pipeline
// they share is its opportunities.

/// <summary>A partner proposed an alliance; every other member is asked to accept it.</summary>
public sealed record AllianceProposed
{
    public required Guid AllianceId { get; init; }
    public required string Name { get; init; }
    public required Guid ProposedBy { get; init; }

    /// <summary>Every member, the proposer included.</summary>
    public required IReadOnlyList<Guid> Members { get; init; }

    /// <summary>leads, opportunities or joint-pursuit.</summary>
    public required string SharingLevel { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Every member accepted: the alliance is in force and its members share pipeline.</summary>
public sealed record AllianceFormed
{
    public required Guid AllianceId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<Guid> Members { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
