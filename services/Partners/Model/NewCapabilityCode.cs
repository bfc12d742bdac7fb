using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Model;

/// <summary>A code an administrator adds to the taxonomy, under a parent that already exists.</summary>
public sealed record NewCapabilityCode(string? Code, string? Name, IReadOnlyList<string?>? Synonyms)
{
    public const int MaxNameLength = 100;
    public const int MaxSynonyms = 20;

    public ValidationErrors Validate(CapabilityTaxonomy taxonomy)
    {
        var errors = new ValidationErrors().RequireText("name", Name, MaxNameLength);
        if (Code is null || !CodeFormats.IsCapability(Code))
        {
            errors.Add("code", "'code' must be a lower-case hierarchical code such as 'storage.backup' (at most 100 characters).");
        }
        else if (CapabilityTaxonomy.ParentOf(Code) is { } parent && !taxonomy.Contains(parent))
        {
            errors.Add("code", $"'code' needs its parent '{parent}' to exist; add '{parent}' first.");
        }
        errors.EachOf("synonyms", Synonyms, 0, MaxSynonyms, (path, synonym) => errors.RequireText(path, synonym, MaxNameLength));
        return errors;
    }

    /// <summary>For a code that passed <see cref="Validate"/>.</summary>
    public CapabilityCode ToCapabilityCode() => new(Code!, Name!.Trim(),
        (Synonyms ?? []).OfType<string>().Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
}
