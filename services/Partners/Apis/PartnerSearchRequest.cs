using EcosystemMarket.Contracts;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Apis;

/// <summary>The query string of a directory search: <c>GET /api/partners?function=&amp;category=&amp;tier=&amp;region=&amp;capability=&amp;…</c></summary>
public sealed record PartnerSearchRequest(
    string? Function,
    string? Category,
    string? Tier,
    string? Region,
    string? Capability,
    bool? IncludeDescendants,
    string? CertificationVendor,
    string? Q,
    bool? IncludeInactive,
    string? Cursor,
    int? Limit)
{
    public const int MaxTextLength = 200;

    /// <summary>Unknown values are errors rather than empty results: a typo should not look like "no such partner".</summary>
    public ValidationErrors Validate(CapabilityTaxonomy taxonomy, out PartnerQuery query, out PageCursor? after, out int take)
    {
        var errors = Paging.Validate(Cursor, Limit, out after, out take);
        var function = NullIfEmpty(Function);
        var category = NullIfEmpty(Category);
        if (function is not null)
        {
            errors.RequireOneOf("function", function, PartnerTaxonomy.CategoriesByFunction.Keys.ToList());
        }
        if (category is not null)
        {
            var allowed = function is not null && PartnerTaxonomy.CategoriesByFunction.TryGetValue(function, out var ofFunction)
                ? ofFunction
                : PartnerTaxonomy.CategoriesByFunction.Values.SelectMany(c => c).ToList();
            errors.RequireOneOf("category", category, allowed);
        }
        if (NullIfEmpty(Tier) is { } tier)
        {
            errors.RequireOneOf("tier", tier, PartnerTaxonomy.Tiers);
        }
        if (NullIfEmpty(Region) is { } region && !CodeFormats.IsRegion(region))
        {
            errors.Add("region", "'region' must be an ISO 3166-1 alpha-2 code such as 'US' or 'DE'.");
        }
        if (NullIfEmpty(Capability) is { } capability)
        {
            errors.RequireKnownCapability("capability", capability, taxonomy);
        }
        if (NullIfEmpty(CertificationVendor) is { } vendor)
        {
            errors.RequireVendorId("certificationVendor", vendor);
        }
        var text = Q?.Trim();
        if (text is { Length: > MaxTextLength })
        {
            errors.Add("q", $"'q' must be at most {MaxTextLength} characters.");
        }

        query = new PartnerQuery
        {
            PartnerFunction = function,
            Category = category,
            Tier = NullIfEmpty(Tier),
            Region = NullIfEmpty(Region),
            Capability = NullIfEmpty(Capability),
            IncludeDescendants = IncludeDescendants ?? true,
            CertificationVendor = NullIfEmpty(CertificationVendor),
            NameContains = NullIfEmpty(text),
            IncludeInactive = IncludeInactive ?? false,
        };
        return errors;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
