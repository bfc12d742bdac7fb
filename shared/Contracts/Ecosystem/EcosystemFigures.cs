namespace EcosystemMarket.Contracts.Ecosystem;

// The ecosystem figures each service computes from its own database (GET /api/partners/figures,
// /api/opportunities/figures, /api/rewards/figures), shared with the portal that shows them. Vendor is the program
// the figures belong to; null means the whole ecosystem (administrators only).

/// <summary>How many of something fall in one group (a partner type, tier or region; a conflict kind).</summary>
public sealed record GroupCount(string Group, long Count);

/// <summary>How many of something there are in one currency, and what they are worth together.</summary>
public sealed record CurrencyTotal(string Currency, long Count, decimal Value);

/// <summary>A vendor's partner program, as one service knows it.</summary>
public sealed record ProgramSummary(string VendorId, string? Name);

/// <summary>
/// Active partners by type (partner function), tier and region. For a vendor: the members of its program; for the
/// whole ecosystem each partner once. A partner in two regions counts in both, so regions may add up to more than
/// <see cref="Partners"/>.
/// </summary>
public sealed record PartnerFigures
{
    public required string? Vendor { get; init; }
    public required long Partners { get; init; }
    public required IReadOnlyList<GroupCount> ByType { get; init; }
    public required IReadOnlyList<GroupCount> ByTier { get; init; }
    public required IReadOnlyList<GroupCount> ByRegion { get; init; }

    /// <summary>The programs that have members, with how many: every one for an administrator, only its own for a vendor.</summary>
    public required IReadOnlyList<GroupCount> Programs { get; init; }
}

/// <summary>
/// What happened to the opportunities of a program posted (published) from <see cref="From"/> to <see cref="To"/>
/// inclusive, UTC days.
/// </summary>
public sealed record OpportunityFigures
{
    public required string? Vendor { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required long Posted { get; init; }
    public required IReadOnlyList<CurrencyTotal> PostedValue { get; init; }

    /// <summary>Opportunities for which Matching suggested at least one partner (Brokering records what it suggested).</summary>
    public required long Matched { get; init; }

    /// <summary>Matched of those posted; null when none was posted.</summary>
    public required double? MatchRate { get; init; }
    public required InvitationFigures Invitations { get; init; }

    /// <summary>Opportunities whose team formed: at least one invitation accepted.</summary>
    public required long Teamed { get; init; }

    /// <summary>From publication to the first accepted invitation; null when no team formed.</summary>
    public required TimeSpan? MedianTimeToTeam { get; init; }
    public required OutcomeFigures Outcomes { get; init; }

    /// <summary>The program's deal registrations made in the period (for the whole ecosystem: every vendor's).</summary>
    public required DealRegistrationFigures DealRegistrations { get; init; }

    /// <summary>The pipeline each vendor blueprint drove: the period's opportunities posted around it, most first.</summary>
    public IReadOnlyList<BlueprintPipeline> Blueprints { get; init; } = [];
}

/// <summary>The opportunities posted around one blueprint: how many, how many still open or teaming, won, and their value.</summary>
public sealed record BlueprintPipeline(Guid BlueprintId, long Posted, long Active, long Won, IReadOnlyList<CurrencyTotal> PostedValue, IReadOnlyList<CurrencyTotal> WonValue);

/// <summary>Invitations to the period's opportunities, by what became of them.</summary>
public sealed record InvitationFigures
{
    public required long Sent { get; init; }
    public required long Accepted { get; init; }
    public required long Declined { get; init; }
    public required long Expired { get; init; }
    public required long Pending { get; init; }

    /// <summary>Accepted of those answered or expired; null when none was.</summary>
    public required double? AcceptanceRate { get; init; }

    /// <summary>From invitation to acceptance or decline; null when none was answered.</summary>
    public required TimeSpan? MedianResponseTime { get; init; }
}

/// <summary>How the period's opportunities ended so far. Won value is the final value, lost the estimated one.</summary>
public sealed record OutcomeFigures
{
    public required long Won { get; init; }
    public required long Lost { get; init; }
    public required long Withdrawn { get; init; }

    /// <summary>Won, then reversed: counted here, not as won.</summary>
    public required long Reversed { get; init; }
    public required IReadOnlyList<CurrencyTotal> WonValue { get; init; }
    public required IReadOnlyList<CurrencyTotal> LostValue { get; init; }

    /// <summary>Won of those won or lost; null when none has ended either way.</summary>
    public required double? WinRate { get; init; }
}

/// <summary>Deal registrations and the conflicts they raised, by kind (overlap, poaching; one registration may raise both).</summary>
public sealed record DealRegistrationFigures
{
    public required long Registered { get; init; }
    public required long Protected { get; init; }
    public required IReadOnlyList<GroupCount> Conflicts { get; init; }
}

/// <summary>
/// Rewards per currency as the ledger holds them now, or over a period (<see cref="From"/> to <see cref="To"/>, whole
/// UTC days): then accrued, paid and clawed back are what was booked within it, held and payable as they stood at its
/// end (<see cref="AsOf"/>). For a vendor: what its program owes partners (entries whose
/// counterparty is the vendor's account: lead-registration bonuses); for the whole ecosystem every reward, between
/// partners included. Accrued is everything earned; held is not yet past its holding period; payable is released, net
/// of clawbacks and payouts; paid went out in payouts; clawed back was taken back from reversed deals.
/// </summary>
public sealed record RewardFigures
{
    public required string? Vendor { get; init; }

    /// <summary>The vendor's reward program, if it defined one.</summary>
    public required string? ProgramName { get; init; }

    /// <summary>The period's first and last day, or none for all time up to now.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>When held and payable stand: now, or the end of a period that has ended.</summary>
    public required DateTimeOffset AsOf { get; init; }
    public required IReadOnlyList<CurrencyRewards> Currencies { get; init; }

    /// <summary>The reward programs defined: every one for an administrator, only its own for a vendor.</summary>
    public required IReadOnlyList<ProgramSummary> Programs { get; init; }
}

public sealed record CurrencyRewards(string Currency, decimal Accrued, decimal Held, decimal Payable, decimal Paid, decimal ClawedBack);
