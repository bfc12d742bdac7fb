namespace EcosystemMarket.Portal.Profile;

/// <summary>
/// The profile as the form edits it: lists the page adds rows to, turned into the request the API takes. The API
/// decides what is valid; this only carries what was typed (trimmed, empty rows left out).
/// </summary>
public sealed class ProfileForm
{
    public string Name { get; set; } = "";
    public string? PartnerFunction { get; set; }
    public string? Category { get; set; }
    public string? Tier { get; set; } = "registered";
    public string? ManagementMode { get; set; }
    public string Regions { get; set; } = "";
    public HashSet<string> Verticals { get; } = new(StringComparer.Ordinal);
    public List<CapabilityRow> Capabilities { get; } = [];
    public List<CertificationRow> Certifications { get; } = [];
    public HashSet<string> Specializations { get; } = new(StringComparer.Ordinal);
    public List<SolutionRow> Solutions { get; } = [];
    public List<ProgramRow> Programs { get; } = [];

    public sealed class CapabilityRow(string code, string proficiency)
    {
        public string Code { get; } = code;
        public string Proficiency { get; set; } = proficiency;
    }

    public sealed class CertificationRow
    {
        public string Vendor { get; set; } = "";
        public string Name { get; set; } = "";
        public string Level { get; set; } = "";
        public DateTime? IssuedOn { get; set; }
        public DateTime? ExpiresOn { get; set; }
        public IReadOnlyList<string> Capabilities { get; set; } = [];
    }

    public sealed class SolutionRow
    {
        public string Name { get; set; } = "";
        public string PlatformVendor { get; set; } = "";
        public IReadOnlyList<string> Capabilities { get; set; } = [];

        /// <summary>The vendor blueprint this solution adopts, as the picker's value (a GUID, or empty for none).</summary>
        public string BlueprintId { get; set; } = "";

        /// <summary>Adopting a blueprint fills what the solution leaves empty from it, as the service would.</summary>
        public void Adopt(EcosystemMarket.Portal.Blueprints.BlueprintJson? blueprint)
        {
            BlueprintId = blueprint?.Id.ToString() ?? "";
            if (blueprint is null)
            {
                return;
            }
            Name = Name is { Length: > 0 } ? Name : blueprint.Name;
            PlatformVendor = blueprint.VendorId;
            Capabilities = Capabilities.Count > 0 ? Capabilities : blueprint.Capabilities;
        }
    }

    public sealed class ProgramRow
    {
        public string Vendor { get; set; } = "";
        public string Tier { get; set; } = "registered";
    }

    /// <summary>Keeps the proficiency of codes still picked, adds the new ones at <paramref name="proficiency"/>.</summary>
    public void PickCapabilities(IReadOnlyList<string> codes, string proficiency)
    {
        Capabilities.RemoveAll(c => !codes.Contains(c.Code));
        Capabilities.AddRange(codes.Where(code => Capabilities.All(c => c.Code != code)).Select(code => new CapabilityRow(code, proficiency)));
    }

    public static ProfileForm Of(PartnerJson partner)
    {
        var form = new ProfileForm
        {
            Name = partner.Name,
            PartnerFunction = partner.PartnerFunction,
            Category = partner.Category,
            Tier = partner.Tier,
            ManagementMode = partner.ManagementMode,
            Regions = string.Join(", ", partner.Regions),
        };
        form.Verticals.UnionWith(partner.Verticals);
        form.Specializations.UnionWith(partner.Specializations);
        form.Capabilities.AddRange(partner.Capabilities.Select(c => new CapabilityRow(c.Code, c.Proficiency)));
        form.Certifications.AddRange(partner.Certifications.Select(c => new CertificationRow
        {
            Vendor = c.Vendor, Name = c.Name, Level = c.Level, IssuedOn = c.IssuedOn.ToDateTime(TimeOnly.MinValue),
            ExpiresOn = c.ExpiresOn?.ToDateTime(TimeOnly.MinValue), Capabilities = c.Capabilities,
        }));
        form.Solutions.AddRange(partner.Solutions.Select(s => new SolutionRow
        {
            Name = s.Name, PlatformVendor = s.PlatformVendor, Capabilities = s.Capabilities, BlueprintId = s.BlueprintId?.ToString() ?? "",
        }));
        form.Programs.AddRange(partner.ProgramMemberships.Select(v => new ProgramRow { Vendor = v, Tier = partner.ProgramTiers.GetValueOrDefault(v, partner.Tier) }));
        return form;
    }

    public ProfileRequest ToRequest()
    {
        var programs = Programs.Where(p => !string.IsNullOrWhiteSpace(p.Vendor)).Select(p => (Vendor: p.Vendor.Trim(), p.Tier)).ToList();
        return new ProfileRequest(
            Name.Trim(), PartnerFunction, Category, Tier, string.IsNullOrEmpty(ManagementMode) ? null : ManagementMode,
            Regions.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).ToList(),
            Verticals.Order(StringComparer.Ordinal).ToList(),
            Capabilities.Select(c => new CapabilityInputJson(c.Code, c.Proficiency)).ToList(),
            Certifications.Select(c => new CertificationInputJson(c.Vendor.Trim(), c.Name.Trim(), c.Level.Trim(),
                c.IssuedOn is { } issued ? DateOnly.FromDateTime(issued) : null, c.ExpiresOn is { } expires ? DateOnly.FromDateTime(expires) : null,
                c.Capabilities)).ToList(),
            Specializations.Order(StringComparer.Ordinal).ToList(),
            Solutions.Select(s => new SolutionJson(s.Name.Trim(), s.PlatformVendor.Trim(), s.Capabilities,
                Guid.TryParse(s.BlueprintId, out var blueprint) ? blueprint : null)).ToList(),
            programs.Select(p => p.Vendor).ToList(),
            programs.DistinctBy(p => p.Vendor).ToDictionary(p => p.Vendor, p => p.Tier, StringComparer.Ordinal));
    }
}
