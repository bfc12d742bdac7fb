using System.Globalization;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// What a team is offered cannot exceed the deal: the pending and accepted invitations' rewards (a percentage of the
/// estimated value, or a fixed amount) plus a new one add up to at most the opportunity's estimated value.
/// </summary>
public static class OfferLimit
{
    /// <summary>What an offer is worth against the estimated value, in the deal's currency.</summary>
    public static decimal WorthOf(RewardTerms reward, decimal estimatedValue) =>
        reward.Kind == RewardTerms.FixedFee ? reward.Amount ?? 0m : (reward.Percent ?? 0m) / 100m * estimatedValue;

    public static RuleViolation? Check(Opportunity opportunity, IEnumerable<Invitation> invitations, RewardTerms offer)
    {
        var committed = invitations.Where(i => i.Status is InvitationStatus.Pending or InvitationStatus.Accepted)
            .Sum(i => WorthOf(i.Reward, opportunity.EstimatedValue));
        var remaining = Math.Max(0m, opportunity.EstimatedValue - committed);
        return WorthOf(offer, opportunity.EstimatedValue) <= remaining
            ? null
            : new("The offers would exceed the deal's value.",
                $"Pending and accepted invitations may offer at most the estimated value, {Amount(opportunity.EstimatedValue)} {opportunity.Currency}, in all; " +
                $"{Amount(remaining)} {opportunity.Currency} remains.");
    }

    private static string Amount(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
