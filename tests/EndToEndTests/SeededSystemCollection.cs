namespace EcosystemMarket.EndToEndTests;

/// <summary>One seeded system for every class that needs one: starting and seeding it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SeededSystemCollection : ICollectionFixture<SeededSystem>
{
    public const string Name = "seeded system";
}
