using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Capability_suggestions
{
    private static readonly CapabilityTaxonomy Taxonomy = new(
    [
        new("storage", "Storage", ["data storage"]),
        new("storage.backup", "Backup and recovery", ["backup", "data protection"]),
        new("storage.backup.immutable", "Immutable backup", ["air-gapped backup"]),
        new("storage.san", "Storage area network", ["san"]),
        new("networking", "Networking", []),
        new("networking.sd-wan", "SD-WAN", ["sdwan"]),
        new("security", "Security", []),
        new("security.identity", "Identity and access management", ["iam", "sso"]),
        new("cloud", "Cloud", []),
        new("cloud.migration", "Cloud migration", ["lift and shift"]),
    ]);

    [Fact]
    public void An_exact_synonym_comes_first()
    {
        Assert.Equal("networking.sd-wan", CapabilitySuggester.Suggest("sdwan", Taxonomy)[0]);
        Assert.Equal("security.identity", CapabilitySuggester.Suggest("IAM", Taxonomy)[0]);
    }

    [Fact]
    public void A_synonym_of_the_last_segment_counts_under_any_parent()
    {
        Assert.Equal("storage.backup", CapabilitySuggester.Suggest("data.backup", Taxonomy)[0]);
    }

    [Fact]
    public void Then_codes_whose_last_segment_or_name_contains_the_word()
    {
        var suggestions = CapabilitySuggester.Suggest("immutable", Taxonomy);

        Assert.Equal("storage.backup.immutable", suggestions[0]);
        Assert.Contains("migration", CapabilitySuggester.Suggest("cloud.migrations", Taxonomy)[0]);
    }

    [Fact]
    public void Then_codes_within_a_few_typing_mistakes()
    {
        Assert.Equal("storage.backup", CapabilitySuggester.Suggest("storage.bakup", Taxonomy)[0]);
        Assert.Equal("networking", CapabilitySuggester.Suggest("netwroking", Taxonomy)[0]);
    }

    [Fact]
    public void Suggests_at_most_three_distinct_codes()
    {
        var suggestions = CapabilitySuggester.Suggest("backup", Taxonomy);

        Assert.InRange(suggestions.Count, 1, CapabilitySuggester.MaxSuggestions);
        Assert.Equal(suggestions.Distinct(), suggestions);
        Assert.Equal(["storage.backup", "storage.backup.immutable"], suggestions.Take(2));
    }

    [Theory]
    [InlineData("quantum-teleportation")]
    [InlineData("")]
    [InlineData(null)]
    public void Suggests_nothing_rather_than_something_unrelated(string? input) =>
        Assert.Empty(CapabilitySuggester.Suggest(input, Taxonomy));

    [Fact]
    public void Does_not_spend_time_on_input_longer_than_any_code()
    {
        Assert.Empty(CapabilitySuggester.Suggest(new string('s', 10_000), Taxonomy));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("backup", "backup", 0)]
    [InlineData("bakup", "backup", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "san", 3)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int distance)
    {
        Assert.Equal(distance, CapabilitySuggester.Levenshtein(a, b));
        Assert.Equal(distance, CapabilitySuggester.Levenshtein(b, a));
    }
}
