namespace EcosystemMarket.Partners.Model;

/// <summary>
/// The channel's partner types: a function (what a partner does in the ecosystem) and, within it,
/// a category. VARs are sales/solution-reseller; ISVs are solution/isv.
/// </summary>
public static class PartnerTaxonomy
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> CategoriesByFunction = new Dictionary<string, IReadOnlyList<string>>
    {
        ["solution"] = ["isv", "ihv", "platform-partner", "system-integrator", "oem", "interoperability-partner", "msp"],
        ["sales"] = ["solution-reseller", "value-added-distributor", "cloud-reseller", "sales-agent"],
        ["service"] = ["authorized-service-partner", "3pl", "financing", "training-certification", "epc", "consulting-deployment"],
        ["influencer"] = ["government-agency", "standards-body", "developer-community", "open-source-community", "academia", "industry-analyst"],
    };

    public static readonly IReadOnlyList<string> Tiers = ["registered", "ready", "advanced", "premier"];
}
