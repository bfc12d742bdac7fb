using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.ServiceDefaults.OpenApi;

namespace EcosystemMarket.Partners.Model;

/// <summary>The fields a partner sets on its own profile, when it registers and on every update.</summary>
[ValidationRequires(nameof(Name), nameof(PartnerFunction), nameof(Category), nameof(Tier), nameof(Regions), nameof(Capabilities))]
[ClosedList(nameof(PartnerFunction), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Functions))]
[ClosedList(nameof(Category), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Categories))]
[ClosedList(nameof(Tier), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Tiers))]
[ClosedList(nameof(ManagementMode), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.ManagementModes))]
[ClosedList(nameof(Verticals), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Verticals))]
[ClosedList(nameof(Specializations), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Specializations))]
public sealed record PartnerProfile
{
    public const int MaxNameLength = 200;
    public const int MaxRegions = 50;
    public const int MaxVerticals = 20;
    public const int MaxCapabilities = 50;
    public const int MaxCertifications = 50;
    public const int MaxSpecializations = 20;
    public const int MaxSolutions = 20;
    public const int MaxProgramMemberships = 50;
    public const int MaxCapabilitiesPerItem = 20;
    public const int MaxLevelLength = 50;

    public string? Name { get; init; }
    public string? PartnerFunction { get; init; }
    public string? Category { get; init; }
    public string? Tier { get; init; }
    public string? ManagementMode { get; init; }
    public IReadOnlyList<string?>? Regions { get; init; }
    public IReadOnlyList<string?>? Verticals { get; init; }
    public IReadOnlyList<CapabilityInput?>? Capabilities { get; init; }
    public IReadOnlyList<CertificationInput?>? Certifications { get; init; }
    public IReadOnlyList<string?>? Specializations { get; init; }
    public IReadOnlyList<SolutionInput?>? Solutions { get; init; }
    public IReadOnlyList<string?>? ProgramMemberships { get; init; }
    /// <summary>The partner's tier in some of its programs, by vendor, where it differs from <see cref="Tier"/>.</summary>
    public IReadOnlyDictionary<string, string?>? ProgramTiers { get; init; }

    /// <summary>The blueprints the profile's solutions adopt.</summary>
    public IReadOnlyList<Guid> BlueprintIds() => (Solutions ?? []).Select(s => s?.BlueprintId).OfType<Guid>().Distinct().ToList();

    /// <summary>The profile with each adopting solution completed from its blueprint (see <see cref="SolutionInput.CompletedFrom"/>).</summary>
    public PartnerProfile AdoptingFrom(IReadOnlyDictionary<Guid, Blueprint> blueprints) =>
        blueprints.Count == 0 || Solutions is null ? this : this with { Solutions = Solutions.Select(s => s?.CompletedFrom(blueprints)).ToList() };

    /// <summary>Every capability code the profile names, wherever it names it.</summary>
    public IEnumerable<string> CapabilityCodes() =>
        (Capabilities ?? []).Select(c => c?.Code)
            .Concat((Certifications ?? []).SelectMany(c => c?.Capabilities ?? []))
            .Concat((Solutions ?? []).SelectMany(s => s?.Capabilities ?? []))
            .OfType<string>();

    /// <summary>Checks every field; each error is keyed by the path of the field it concerns, e.g. <c>certifications[0].expiresOn</c>.</summary>
    public ValidationErrors Validate(CapabilityTaxonomy taxonomy, IReadOnlyDictionary<Guid, Blueprint>? blueprints = null)
    {
        var errors = new ValidationErrors().RequireText("name", Name, MaxNameLength);
        if (PartnerFunction is null || !PartnerTaxonomy.CategoriesByFunction.TryGetValue(PartnerFunction, out var categories))
        {
            errors.Add("partnerFunction", $"'partnerFunction' must be one of: {string.Join(", ", PartnerTaxonomy.CategoriesByFunction.Keys)}.");
        }
        else if (Category is null || !categories.Contains(Category))
        {
            errors.Add("category", $"'category' for function '{PartnerFunction}' must be one of: {string.Join(", ", categories)}.");
        }
        errors.RequireOneOf("tier", Tier, PartnerTaxonomy.Tiers);
        if (ManagementMode is not null)
        {
            errors.RequireOneOf("managementMode", ManagementMode, PartnerTaxonomy.ManagementModes);
        }

        errors.EachOf("regions", Regions, 1, MaxRegions, (path, region) =>
        {
            if (!CodeFormats.IsRegion(region))
            {
                errors.Add(path, $"'{path}' must be an ISO 3166-1 alpha-2 code such as 'US' or 'DE'.");
            }
        });
        errors.EachOf("verticals", Verticals, 0, MaxVerticals, (path, vertical) => errors.RequireOneOf(path, vertical, PartnerTaxonomy.Verticals));
        ValidateCapabilities(errors, taxonomy);
        errors.EachOf("certifications", Certifications, 0, MaxCertifications, (path, certification) => certification.Validate(path, errors, taxonomy));
        errors.EachOf("specializations", Specializations, 0, MaxSpecializations,
            (path, specialization) => errors.RequireOneOf(path, specialization, PartnerTaxonomy.Specializations));
        errors.EachOf("solutions", Solutions, 0, MaxSolutions, (path, solution) => solution.Validate(path, errors, taxonomy, blueprints ?? new Dictionary<Guid, Blueprint>()));
        errors.EachOf("programMemberships", ProgramMemberships, 0, MaxProgramMemberships, (path, vendor) => errors.RequireVendorId(path, vendor));
        ValidateProgramTiers(errors);
        return errors;
    }

    private void ValidateProgramTiers(ValidationErrors errors)
    {
        foreach (var (vendor, tier) in ProgramTiers ?? new Dictionary<string, string?>())
        {
            var path = $"programTiers.{vendor}";
            if (ProgramMemberships?.Contains(vendor) != true)
            {
                errors.Add(path, $"'{path}' names a program the partner is not a member of; add '{vendor}' to 'programMemberships'.");
            }
            errors.RequireOneOf(path, tier, PartnerTaxonomy.Tiers);
        }
    }

    private void ValidateCapabilities(ValidationErrors errors, CapabilityTaxonomy taxonomy)
    {
        var firstPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        errors.EachOf("capabilities", Capabilities, 1, MaxCapabilities, (path, capability) =>
        {
            errors.RequireKnownCapability($"{path}.code", capability.Code, taxonomy);
            errors.RequireOneOf($"{path}.proficiency", capability.Proficiency, PartnerTaxonomy.Proficiencies);
            // One proficiency per capability: two entries for one code would contradict each other.
            if (capability.Code is { } code && !firstPathOf.TryAdd(code, $"{path}.code"))
            {
                errors.Add($"{path}.code", $"'{path}.code' repeats '{firstPathOf[code]}'; list each capability once.");
            }
        });
    }
}

/// <summary>A capability the partner advertises and how well it masters it (basic, intermediate, advanced, expert).</summary>
[ValidationRequires(nameof(Code), nameof(Proficiency))]
[ClosedList(nameof(Proficiency), typeof(PartnerTaxonomy), nameof(PartnerTaxonomy.Proficiencies))]
public sealed record CapabilityInput(string? Code, string? Proficiency);

/// <summary>A vendor certification: it counts from <see cref="IssuedOn"/> until <see cref="ExpiresOn"/> (inclusive), or for good without one.</summary>
[ValidationRequires(nameof(Vendor), nameof(Name), nameof(Level), nameof(IssuedOn))]
public sealed record CertificationInput(string? Vendor, string? Name, string? Level, DateOnly? IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string?>? Capabilities)
{
    public void Validate(string path, ValidationErrors errors, CapabilityTaxonomy taxonomy)
    {
        errors.RequireVendorId($"{path}.vendor", Vendor);
        errors.RequireText($"{path}.name", Name, PartnerProfile.MaxNameLength);
        errors.RequireText($"{path}.level", Level, PartnerProfile.MaxLevelLength);
        if (IssuedOn is null)
        {
            errors.Add($"{path}.issuedOn", $"'{path}.issuedOn' is required (a date such as '2025-03-31').");
        }
        else if (ExpiresOn < IssuedOn)
        {
            errors.Add($"{path}.expiresOn", $"'{path}.expiresOn' must not be before '{path}.issuedOn' ({IssuedOn:yyyy-MM-dd}).");
        }
        errors.EachOf($"{path}.capabilities", Capabilities, 0, PartnerProfile.MaxCapabilitiesPerItem,
            (codePath, code) => errors.RequireKnownCapability(codePath, code, taxonomy));
    }
}

/// <summary>
/// A repeatable solution: a blueprint covering capabilities on a platform vendor's stack. Naming a vendor's published
/// blueprint adopts it: what the solution leaves out (name, platform vendor, capabilities) is the blueprint's.
/// </summary>
public sealed record SolutionInput(string? Name, string? PlatformVendor, IReadOnlyList<string?>? Capabilities, Guid? BlueprintId = null)
{
    public void Validate(string path, ValidationErrors errors, CapabilityTaxonomy taxonomy, IReadOnlyDictionary<Guid, Blueprint> blueprints)
    {
        errors.RequireText($"{path}.name", Name, PartnerProfile.MaxNameLength);
        errors.RequireVendorId($"{path}.platformVendor", PlatformVendor);
        errors.EachOf($"{path}.capabilities", Capabilities, 1, PartnerProfile.MaxCapabilitiesPerItem,
            (codePath, code) => errors.RequireKnownCapability(codePath, code, taxonomy));
        if (BlueprintId is not { } id)
        {
            return;
        }
        if (!blueprints.TryGetValue(id, out var blueprint))
        {
            errors.Add($"{path}.blueprintId", $"'{path}.blueprintId': {id} is not a published blueprint; they are listed at GET /api/partners/blueprints.");
        }
        else if (PlatformVendor is not null && PlatformVendor != blueprint.VendorId)
        {
            errors.Add($"{path}.platformVendor", $"'{path}.platformVendor' must be '{blueprint.VendorId}', the vendor of the blueprint it adopts.");
        }
    }

    /// <summary>This solution with what it leaves out taken from the blueprint it adopts, when that blueprint is known.</summary>
    public SolutionInput CompletedFrom(IReadOnlyDictionary<Guid, Blueprint> blueprints) =>
        BlueprintId is { } id && blueprints.TryGetValue(id, out var blueprint)
            ? this with
            {
                Name = string.IsNullOrWhiteSpace(Name) ? blueprint.Name : Name,
                PlatformVendor = PlatformVendor ?? blueprint.VendorId,
                Capabilities = Capabilities is { Count: > 0 } ? Capabilities : blueprint.Capabilities,
            }
            : this;
}
