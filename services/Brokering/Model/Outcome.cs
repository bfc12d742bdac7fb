namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// What an aggregate decided: refused with a <see cref="RuleViolation"/>, or done, with the events to publish
/// (in order) and the invitation the decision made or answered, if any.
/// </summary>
public sealed record Outcome
{
    public RuleViolation? Violation { get; init; }
    public IReadOnlyList<object> Events { get; init; } = [];
    public Invitation? Invitation { get; init; }

    public bool Refused => Violation is not null;

    public static Outcome Refuse(RuleViolation violation) => new() { Violation = violation };
}
