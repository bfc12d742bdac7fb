using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Model;

/// <summary>The fields a partner sets on its own profile, when it registers and on every update.</summary>
public sealed record PartnerProfile(
    string? Name,
    string? PartnerFunction,
    string? Category,
    string? Tier,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<string>? Capabilities)
{
    public const int MaxCapabilities = 50;
    public const int MaxRegions = 50;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors().RequireText("name", Name, 200);
        if (PartnerFunction is null || !PartnerTaxonomy.CategoriesByFunction.TryGetValue(PartnerFunction, out var categories))
        {
            errors.Add("partnerFunction", $"'partnerFunction' must be one of: {string.Join(", ", PartnerTaxonomy.CategoriesByFunction.Keys)}.");
        }
        else if (Category is null || !categories.Contains(Category))
        {
            errors.Add("category", $"'category' for function '{PartnerFunction}' must be one of: {string.Join(", ", categories)}.");
        }
        if (Tier is null || !PartnerTaxonomy.Tiers.Contains(Tier))
        {
            errors.Add("tier", $"'tier' must be one of: {string.Join(", ", PartnerTaxonomy.Tiers)}.");
        }
        if (Regions is not { Count: > 0 and <= MaxRegions } || Regions.Any(r => !CodeFormats.IsRegion(r)))
        {
            errors.Add("regions", $"'regions' needs 1 to {MaxRegions} ISO 3166-1 alpha-2 codes such as 'US' or 'DE'.");
        }
        if (Capabilities is not { Count: > 0 and <= MaxCapabilities } || Capabilities.Any(c => !CodeFormats.IsCapability(c)))
        {
            errors.Add("capabilities", $"'capabilities' needs 1 to {MaxCapabilities} lower-case codes such as 'storage' or 'storage.backup'.");
        }
        return errors;
    }

    public IReadOnlyList<string> DistinctCapabilities() => Capabilities!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> DistinctRegions() => Regions!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
