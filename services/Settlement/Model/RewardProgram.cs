using System.Security.Cryptography;
using System.Text;
using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// A vendor's reward program: a bonus for the partner whose protected deal registration turns into a won
/// deal, scaled by that partner's tier, and how long rewards on the vendor's deals are held before payable.
/// </summary>
public sealed record RewardProgram(
    string VendorId,
    string Name,
    string Currency,
    decimal LeadRegistrationBonus,
    IReadOnlyDictionary<string, decimal> TierMultipliers,
    int HoldingPeriodDays)
{
    public static readonly IReadOnlyList<string> Tiers = ["registered", "ready", "advanced", "premier"];

    public decimal MultiplierFor(string tier) => TierMultipliers.GetValueOrDefault(tier, 1m);

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors().RequireText("name", Name, 200);
        if (!CodeFormats.IsCurrency(Currency))
        {
            errors.Add("currency", "'currency' must be an ISO 4217 code such as 'USD'.");
        }
        if (LeadRegistrationBonus is < 0 or > 10_000_000m)
        {
            errors.Add("leadRegistrationBonus", "'leadRegistrationBonus' must be between 0 and 10,000,000.");
        }
        if (TierMultipliers.Any(t => !Tiers.Contains(t.Key) || t.Value is < 0 or > 10))
        {
            errors.Add("tierMultipliers", $"'tierMultipliers' maps tiers ({string.Join(", ", Tiers)}) to multipliers between 0 and 10.");
        }
        if (HoldingPeriodDays is < 0 or > 365)
        {
            errors.Add("holdingPeriodDays", "'holdingPeriodDays' must be between 0 and 365.");
        }
        return errors;
    }
}

/// <summary>
/// Vendors hold ledger accounts too (what their programs owe partners). Their account id is a name-based
/// UUID of the vendor id, so a vendor's entries sit in the same double-entry ledger as partners'.
/// </summary>
public static class VendorAccounts
{
    public static Guid For(string vendorId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ecosystemmarket-vendor:" + vendorId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
