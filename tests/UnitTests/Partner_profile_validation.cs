using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Partner_profile_validation
{
    private static readonly PartnerProfile Valid = new("Fabrikam", "sales", "solution-reseller", "advanced", ["US", "DE"], ["storage", "storage.backup"]);

    [Fact]
    public void Finds_no_errors_in_a_valid_profile()
    {
        var errors = Valid.Validate();

        Assert.True(errors.IsValid);
        Assert.Empty(errors.ToDictionary());
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
        { "no regions", "regions" },
        { "lower-case region", "regions" },
        { "51 regions", "regions" },
        { "no capabilities", "capabilities" },
        { "upper-case capability", "capabilities" },
        { "51 capabilities", "capabilities" },
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
            "no regions" => Valid with { Regions = [] },
            "lower-case region" => Valid with { Regions = ["US", "de"] },
            "51 regions" => Valid with { Regions = Enumerable.Repeat("US", PartnerProfile.MaxRegions + 1).ToList() },
            "no capabilities" => Valid with { Capabilities = null },
            "upper-case capability" => Valid with { Capabilities = ["storage", "Security"] },
            "51 capabilities" => Valid with { Capabilities = Enumerable.Range(0, PartnerProfile.MaxCapabilities + 1).Select(i => $"cap{i}").ToList() },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };

        var errors = profile.Validate();

        Assert.False(errors.IsValid);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }
}
