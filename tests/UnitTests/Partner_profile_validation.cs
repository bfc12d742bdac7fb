using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Partner_profile_validation
{
    private static readonly CapabilityTaxonomy Taxonomy = CapabilityTaxonomy.Builtin;

    private static readonly CertificationInput Certification =
        new("netapp", "NetApp Certified Storage Associate", "associate", new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 15), ["storage.san"]);

    private static readonly SolutionInput Solution = new("Ransomware-proof backup in a day", "veeam", ["storage.backup", "security.endpoint"]);

    private static readonly PartnerProfile Valid = new()
    {
        Name = "Fabrikam",
        PartnerFunction = "sales",
        Category = "solution-reseller",
        Tier = "advanced",
        ManagementMode = "formal-program",
        Regions = ["US", "DE"],
        Verticals = ["retail", "healthcare"],
        Capabilities = [new("storage", "expert"), new("storage.backup", "advanced"), new("networking.sd-wan", "basic")],
        Certifications = [Certification],
        Specializations = ["storage", "security"],
        Solutions = [Solution],
        ProgramMemberships = ["netapp", "veeam"],
    };

    [Fact]
    public void Finds_no_errors_in_a_valid_profile()
    {
        var errors = Valid.Validate(Taxonomy);

        Assert.True(errors.IsValid, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
    }

    [Fact]
    public void Accepts_a_profile_with_only_the_required_fields()
    {
        var minimal = new PartnerProfile
        {
            Name = "Minimal", PartnerFunction = "solution", Category = "isv", Tier = "registered",
            Regions = ["FR"], Capabilities = [new("software", "basic")],
        };

        Assert.True(minimal.Validate(Taxonomy).IsValid);
    }

    public static TheoryData<string, string> BrokenProfiles => new()
    {
        { "blank name", "name" },
        { "name of 201 characters", "name" },
        { "unknown function", "partnerFunction" },
        { "no function", "partnerFunction" },
        { "category of another function", "category" },
        { "no category", "category" },
        { "unknown tier", "tier" },
        { "unknown management mode", "managementMode" },
        { "no regions", "regions" },
        { "lower-case region", "regions[1]" },
        { "null region", "regions[0]" },
        { "51 regions", "regions" },
        { "unknown vertical", "verticals[1]" },
        { "21 verticals", "verticals" },
        { "no capabilities", "capabilities" },
        { "upper-case capability", "capabilities[1].code" },
        { "unknown capability", "capabilities[2].code" },
        { "capability listed twice", "capabilities[2].code" },
        { "unknown proficiency", "capabilities[0].proficiency" },
        { "null capability", "capabilities[1]" },
        { "51 capabilities", "capabilities" },
        { "certification expiring before it was issued", "certifications[0].expiresOn" },
        { "certification without issue date", "certifications[0].issuedOn" },
        { "certification vendor with capitals", "certifications[0].vendor" },
        { "certification without name", "certifications[0].name" },
        { "certification without level", "certifications[0].level" },
        { "certification attesting an unknown capability", "certifications[0].capabilities[1]" },
        { "51 certifications", "certifications" },
        { "unknown specialization", "specializations[0]" },
        { "solution without capabilities", "solutions[0].capabilities" },
        { "solution with an unknown capability", "solutions[0].capabilities[0]" },
        { "solution without platform vendor", "solutions[0].platformVendor" },
        { "21 solutions", "solutions" },
        { "program membership that is not a vendor id", "programMemberships[1]" },
    };

    [Theory]
    [MemberData(nameof(BrokenProfiles))]
    public void Names_exactly_the_field_that_is_wrong(string fault, string field)
    {
        var profile = fault switch
        {
            "blank name" => Valid with { Name = "  " },
            "name of 201 characters" => Valid with { Name = new string('x', 201) },
            "unknown function" => Valid with { PartnerFunction = "wizard" },
            "no function" => Valid with { PartnerFunction = null },
            "category of another function" => Valid with { Category = "isv" },
            "no category" => Valid with { Category = null },
            "unknown tier" => Valid with { Tier = "gold" },
            "unknown management mode" => Valid with { ManagementMode = "handshake" },
            "no regions" => Valid with { Regions = [] },
            "lower-case region" => Valid with { Regions = ["US", "de"] },
            "null region" => Valid with { Regions = [null] },
            "51 regions" => Valid with { Regions = Enumerable.Repeat<string?>("US", PartnerProfile.MaxRegions + 1).ToList() },
            "unknown vertical" => Valid with { Verticals = ["retail", "crypto"] },
            "21 verticals" => Valid with { Verticals = Enumerable.Repeat<string?>("retail", PartnerProfile.MaxVerticals + 1).ToList() },
            "no capabilities" => Valid with { Capabilities = null },
            "upper-case capability" => Valid with { Capabilities = [new("storage", "expert"), new("Security", "basic")] },
            "unknown capability" => Valid with { Capabilities = [new("storage", "expert"), new("security.identity", "basic"), new("storage.bakup", "basic")] },
            "capability listed twice" => Valid with { Capabilities = [new("storage", "expert"), new("security", "basic"), new("storage", "basic")] },
            "unknown proficiency" => Valid with { Capabilities = [new("storage", "guru")] },
            "null capability" => Valid with { Capabilities = [new("storage", "expert"), null] },
            "51 capabilities" => Valid with { Capabilities = Enumerable.Range(0, PartnerProfile.MaxCapabilities + 1).Select(_ => (CapabilityInput?)new("storage", "basic")).ToList() },
            "certification expiring before it was issued" => Valid with { Certifications = [Certification with { ExpiresOn = new DateOnly(2024, 1, 14) }] },
            "certification without issue date" => Valid with { Certifications = [Certification with { IssuedOn = null }] },
            "certification vendor with capitals" => Valid with { Certifications = [Certification with { Vendor = "NetApp" }] },
            "certification without name" => Valid with { Certifications = [Certification with { Name = "" }] },
            "certification without level" => Valid with { Certifications = [Certification with { Level = null }] },
            "certification attesting an unknown capability" => Valid with { Certifications = [Certification with { Capabilities = ["storage.san", "storage.tape-robots"] }] },
            "51 certifications" => Valid with { Certifications = Enumerable.Repeat<CertificationInput?>(Certification, PartnerProfile.MaxCertifications + 1).ToList() },
            "unknown specialization" => Valid with { Specializations = ["wizardry"] },
            "solution without capabilities" => Valid with { Solutions = [Solution with { Capabilities = [] }] },
            "solution with an unknown capability" => Valid with { Solutions = [Solution with { Capabilities = ["quantum"] }] },
            "solution without platform vendor" => Valid with { Solutions = [Solution with { PlatformVendor = null }] },
            "21 solutions" => Valid with { Solutions = Enumerable.Repeat<SolutionInput?>(Solution, PartnerProfile.MaxSolutions + 1).ToList() },
            "program membership that is not a vendor id" => Valid with { ProgramMemberships = ["netapp", "Palo Alto"] },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };

        var errors = profile.Validate(Taxonomy);

        Assert.False(errors.IsValid);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Suggests_the_closest_known_code_for_an_unknown_capability()
    {
        var profile = Valid with { Capabilities = [new("storage", "expert"), new("storage.bakup", "basic")] };

        var message = Assert.Single(profile.Validate(Taxonomy).ToDictionary()["capabilities[1].code"]);

        Assert.Contains("'storage.bakup' is not a known capability code", message);
        Assert.Contains("'storage.backup'", message);
    }

    [Fact]
    public void Reports_only_the_count_of_a_list_that_is_far_too_long()
    {
        var profile = Valid with { Regions = Enumerable.Repeat<string?>("usa", 1000).ToList() };

        Assert.Equal(["regions"], profile.Validate(Taxonomy).ToDictionary().Keys);
    }

    [Fact]
    public void Accepts_a_code_once_the_taxonomy_knows_it()
    {
        var profile = Valid with { Capabilities = [new("storage.backup.tape", "expert")] };
        var extended = Taxonomy.With([new CapabilityCode("storage.backup.tape", "Tape backup", [])]);

        Assert.False(profile.Validate(Taxonomy).IsValid);
        Assert.True(profile.Validate(extended).IsValid);
    }
}
