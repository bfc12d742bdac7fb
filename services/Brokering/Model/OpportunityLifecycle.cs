namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// Draft → Open → Teaming → Won / Lost / Withdrawn, and Won → Reversed. An opportunity becomes Teaming on
/// its own when the first invitee accepts; every other move is the owner's, and anything else is refused.
/// </summary>
public static class OpportunityLifecycle
{
    private static readonly Dictionary<OpportunityStatus, OpportunityStatus[]> Allowed = new()
    {
        [OpportunityStatus.Draft] = [OpportunityStatus.Open, OpportunityStatus.Withdrawn],
        [OpportunityStatus.Open] = [OpportunityStatus.Teaming, OpportunityStatus.Won, OpportunityStatus.Lost, OpportunityStatus.Withdrawn],
        [OpportunityStatus.Teaming] = [OpportunityStatus.Won, OpportunityStatus.Lost, OpportunityStatus.Withdrawn],
        [OpportunityStatus.Won] = [OpportunityStatus.Reversed],
        [OpportunityStatus.Lost] = [],
        [OpportunityStatus.Withdrawn] = [],
        [OpportunityStatus.Reversed] = [],
    };

    public static bool IsLive(OpportunityStatus status) => status is OpportunityStatus.Open or OpportunityStatus.Teaming;

    public static RuleViolation? CanMove(Opportunity opportunity, OpportunityStatus target) =>
        Allowed[opportunity.Status].Contains(target)
            ? null
            : new($"An opportunity that is {opportunity.Status} cannot become {target}.",
                Allowed[opportunity.Status] is { Length: > 0 } next
                    ? $"From {opportunity.Status} it can become: {string.Join(", ", next)}."
                    : $"{opportunity.Status} is final.");
}
