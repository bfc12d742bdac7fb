using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Brokering.Model;

public static class RewardRules
{
    public static readonly IReadOnlyList<string> Kinds = [RewardTerms.ReferralFee, RewardTerms.RevenueShare, RewardTerms.FixedFee];
    public const decimal MaxFixedFee = 1_000_000_000m;

    /// <summary>Percentage rewards need a percent (0–100, four decimals at most); a fixed fee needs a positive amount.</summary>
    public static void Validate(RewardTerms? reward, string field, ValidationErrors errors)
    {
        if (reward is null || !Kinds.Contains(reward.Kind))
        {
            errors.Add(field, $"'{field}' must offer a reward: kind one of {string.Join(", ", Kinds)} (or 'referralFeePercent').");
            return;
        }
        if (reward.Kind == RewardTerms.FixedFee)
        {
            if (reward.Amount is not (> 0 and <= MaxFixedFee) || decimal.Round(reward.Amount.Value, 4) != reward.Amount || reward.Percent is not null)
            {
                errors.Add($"{field}.amount", $"A fixed fee needs an 'amount' above 0 and at most {MaxFixedFee} (four decimals at most), and no percent.");
            }
        }
        else if (reward.Percent is not (>= 0 and <= 100) || decimal.Round(reward.Percent.Value, 4) != reward.Percent || reward.Amount is not null)
        {
            var name = field == "reward" ? "reward.percent" : field;
            errors.Add(name, $"A {reward.Kind} needs a 'percent' between 0 and 100 (four decimals at most), and no amount.");
        }
    }
}
