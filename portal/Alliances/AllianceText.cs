namespace EcosystemMarket.Portal.Alliances;

/// <summary>The words the portal uses for alliances.</summary>
public static class AllianceText
{
    public static readonly IReadOnlyList<(string Value, string Text)> Levels =
    [
        ("leads", "Leads: industry, region and needs"),
        ("opportunities", "Opportunities: also value, close date and status"),
        ("joint-pursuit", "Joint pursuit: also invite allies in one click"),
    ];

    public static string Level(string level) => Levels.FirstOrDefault(l => l.Value == level).Text?.Split(':')[0] ?? level;

    public static string State(string state) => state switch
    {
        "Proposed" => "Proposed",
        "InForce" => "In force",
        "Ended" => "Ended",
        _ => state,
    };

    public static string Scope(AllianceScopeJson scope) => string.Join(" · ", new[]
    {
        scope.Capabilities.Count > 0 ? $"capabilities {string.Join(", ", scope.Capabilities)}" : "any capability",
        scope.Regions.Count > 0 ? $"regions {string.Join(", ", scope.Regions)}" : "any region",
        scope.VendorPrograms.Count > 0 ? $"vendor programs {string.Join(", ", scope.VendorPrograms)}" : "any vendor program",
    });

    /// <summary>"DE, at ,FR" → ["DE", "AT", "FR"]: codes typed as a list.</summary>
    public static IReadOnlyList<string> Codes(string? text, bool upper) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => upper ? code.ToUpperInvariant() : code.ToLowerInvariant()).Distinct().ToList();
}
