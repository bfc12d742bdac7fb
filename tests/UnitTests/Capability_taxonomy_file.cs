using EcosystemMarket.Contracts;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Capability_taxonomy_file
{
    private static readonly IReadOnlyList<CapabilityCode> Entries = CapabilityTaxonomy.LoadBuiltinFile();

    [Fact]
    public void Holds_a_useful_number_of_codes_across_about_a_dozen_domains()
    {
        Assert.InRange(Entries.Count, 80, 150);
        Assert.InRange(Entries.Count(e => CapabilityTaxonomy.ParentOf(e.Code) is null), 10, 15);
    }

    [Fact]
    public void Lists_each_code_once()
    {
        var repeated = Entries.GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void Holds_only_well_formed_codes_with_names()
    {
        Assert.All(Entries, e =>
        {
            Assert.True(CodeFormats.IsCapability(e.Code), $"'{e.Code}' is not a capability code.");
            Assert.False(string.IsNullOrWhiteSpace(e.Name), $"'{e.Code}' has no name.");
            Assert.All(e.Synonyms, s => Assert.False(string.IsNullOrWhiteSpace(s), $"'{e.Code}' has a blank synonym."));
        });
    }

    [Fact]
    public void Has_a_parent_for_every_code_below_the_top()
    {
        var codes = Entries.Select(e => e.Code).ToHashSet();

        Assert.All(Entries, e =>
        {
            if (CapabilityTaxonomy.ParentOf(e.Code) is { } parent)
            {
                Assert.True(codes.Contains(parent), $"'{e.Code}' has no parent '{parent}'.");
            }
        });
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("storage.backup")]
    [InlineData("storage.san")]
    [InlineData("networking.sd-wan")]
    [InlineData("security.identity")]
    [InlineData("cloud.migration")]
    [InlineData("software")]
    public void Knows_the_codes_the_walk_through_and_tests_use(string code) => Assert.True(CapabilityTaxonomy.Builtin.Contains(code));
}
