namespace EcosystemMarket.Partners.Model;

/// <summary>One entry of the capability taxonomy: a hierarchical code, what people call it, and the other words they use for it.</summary>
public sealed record CapabilityCode(string Code, string Name, IReadOnlyList<string> Synonyms);
