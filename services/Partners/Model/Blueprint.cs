using EcosystemMarket.ServiceDefaults.OpenApi;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// A vendor's reference architecture that partners team around: the capabilities delivering it takes. Partners adopt
/// it by naming it on one of their solutions; opportunities are posted around it, and Matching favours its adopters.
/// Published once and kept as published, so an opportunity posted around it always means the same thing.
/// </summary>
public sealed record Blueprint(Guid Id, string VendorId, string Name, string Description, IReadOnlyList<string> Capabilities,
    string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>What a vendor sends to publish a blueprint.</summary>
[ValidationRequires(nameof(Name), nameof(Capabilities))]
public sealed record BlueprintDraft(string? Name, string? Description, IReadOnlyList<string?>? Capabilities)
{
    public const int MaxDescriptionLength = 2000;

    public ValidationErrors Validate(CapabilityTaxonomy taxonomy)
    {
        var errors = new ValidationErrors().RequireText("name", Name, PartnerProfile.MaxNameLength);
        if (Description?.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"'description' must be at most {MaxDescriptionLength} characters.");
        }
        errors.EachOf("capabilities", Capabilities, 1, PartnerProfile.MaxCapabilitiesPerItem,
            (path, code) => errors.RequireKnownCapability(path, code, taxonomy));
        return errors;
    }

    public Blueprint Publish(Guid id, string vendorId, string publishedBy, DateTimeOffset now) => new(
        id, vendorId, Name!.Trim(), Description?.Trim() ?? "",
        Capabilities!.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), publishedBy, now);
}
