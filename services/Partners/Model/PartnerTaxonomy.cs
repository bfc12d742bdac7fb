using System.Text.RegularExpressions;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// The channel's partner types: a function (what a partner does in the ecosystem) and, within it,
/// a category. VARs are sales/solution-reseller; ISVs are solution/isv. Beside them, the fixed vocabularies
/// a profile chooses from, so that every partner describes itself in words search and matching understand.
/// </summary>
public static partial class PartnerTaxonomy
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> CategoriesByFunction = new Dictionary<string, IReadOnlyList<string>>
    {
        ["solution"] = ["isv", "ihv", "platform-partner", "system-integrator", "oem", "interoperability-partner", "msp"],
        ["sales"] = ["solution-reseller", "value-added-distributor", "cloud-reseller", "sales-agent"],
        ["service"] = ["authorized-service-partner", "3pl", "financing", "training-certification", "epc", "consulting-deployment"],
        ["influencer"] = ["government-agency", "standards-body", "developer-community", "open-source-community", "academia", "industry-analyst"],
    };

    public static IEnumerable<string> Functions => CategoriesByFunction.Keys;

    public static IEnumerable<string> Categories => CategoriesByFunction.Values.SelectMany(categories => categories);

    public static readonly IReadOnlyList<string> Tiers = ["registered", "ready", "advanced", "premier"];

    /// <summary>How a vendor manages the relationship with this kind of partner.</summary>
    public static readonly IReadOnlyList<string> ManagementModes = ["formal-program", "formal-support", "one-on-one", "sla", "marketing-pr"];

    public static readonly IReadOnlyList<string> Verticals =
    [
        "manufacturing", "retail", "financial-services", "healthcare", "public-sector", "education", "telecommunications",
        "energy-utilities", "media-entertainment", "transportation-logistics", "professional-services", "technology",
    ];

    public static readonly IReadOnlyList<string> Specializations =
    [
        "virtualization", "storage", "directory-services", "desktop", "security", "cloud", "networking",
        "data-analytics", "collaboration", "devops",
    ];

    public static readonly IReadOnlyList<string> Proficiencies = ["basic", "intermediate", "advanced", "expert"];

    /// <summary>A vendor's id as the rest of the system knows it (the <c>vendor_id</c> claim): a lower-case slug such as <c>netapp</c>.</summary>
    public static bool IsVendorId(string? id) => id is { Length: <= 60 } && VendorId().IsMatch(id);

    public static bool IsCategory(string category) => CategoriesByFunction.Values.Any(categories => categories.Contains(category));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex VendorId();
}
