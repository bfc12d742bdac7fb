namespace EcosystemMarket.Partners.Model;

public enum ClaimDecisionOutcome
{
    /// <summary>The claim changed state; the partner's version grew and the history has a new line.</summary>
    Decided,
    /// <summary>The claim was already decided this way: nothing changes, and the answer is the same as the first time.</summary>
    Unchanged,
    NotFound,
    /// <summary>The claim is addressed to another vendor.</summary>
    NotAddressed,
    Inactive,
    /// <summary>Another change of the partner committed between reading and saving (the repository's optimistic check).</summary>
    LostRace,
}

/// <param name="Partner">The partner after the decision (unchanged unless <see cref="ClaimDecisionOutcome.Decided"/>).</param>
/// <param name="Entry">The history line the decision appends, when it changed something.</param>
public sealed record ClaimDecisionResult(ClaimDecisionOutcome Outcome, Partner Partner, PartnerClaim? Claim, ClaimHistoryEntry? Entry);
