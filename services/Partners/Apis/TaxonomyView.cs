using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.Partners.Apis;

/// <summary>The vocabularies a profile chooses from: functions with their categories, tiers, verticals and the rest.</summary>
public sealed record TaxonomyView(
    IReadOnlyList<PartnerFunctionView> Functions,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<string> Verticals,
    IReadOnlyList<string> Specializations,
    IReadOnlyList<string> Proficiencies,
    IReadOnlyList<string> ManagementModes)
{
    public static readonly TaxonomyView Current = new(
        PartnerTaxonomy.CategoriesByFunction.Select(f => new PartnerFunctionView(f.Key, f.Value)).ToList(),
        PartnerTaxonomy.Tiers, PartnerTaxonomy.Verticals, PartnerTaxonomy.Specializations, PartnerTaxonomy.Proficiencies, PartnerTaxonomy.ManagementModes);
}

public sealed record PartnerFunctionView(string Name, IReadOnlyList<string> Categories);
