using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// What an alliance shares: opportunities needing one of its capabilities, in one of its regions, for one of its vendor
/// programs. An empty list means any. A capability covers its narrower codes: <c>storage</c> takes in <c>storage.backup</c>.
/// </summary>
public sealed record AllianceScope(IReadOnlyList<string> Capabilities, IReadOnlyList<string> Regions, IReadOnlyList<string> VendorPrograms)
{
    public static readonly AllianceScope Any = new([], [], []);

    /// <summary>Why the opportunity is outside the scope; null when it is inside.</summary>
    public string? Excludes(Opportunity opportunity)
    {
        if (Capabilities.Count > 0 && !opportunity.Needs.Any(n => Capabilities.Any(c => Covers(c, n.Capability))))
        {
            return $"None of its needs ({string.Join(", ", opportunity.Needs.Select(n => n.Capability))}) is among the alliance's capabilities ({string.Join(", ", Capabilities)}).";
        }
        if (Regions.Count > 0 && !Regions.Contains(opportunity.Region, StringComparer.Ordinal))
        {
            return $"Its region {opportunity.Region} is not among the alliance's regions ({string.Join(", ", Regions)}).";
        }
        if (VendorPrograms.Count > 0 && (opportunity.VendorId is not { } vendor || !VendorPrograms.Contains(vendor, StringComparer.Ordinal)))
        {
            return $"Its vendor program ({opportunity.VendorId ?? "none"}) is not among the alliance's vendor programs ({string.Join(", ", VendorPrograms)}).";
        }
        return null;
    }

    public bool Includes(Opportunity opportunity) => Excludes(opportunity) is null;

    /// <summary>Whether <paramref name="code"/> is <paramref name="broader"/> or a narrower code under it.</summary>
    public static bool Covers(string broader, string code) =>
        code.StartsWith(broader, StringComparison.Ordinal) && (code.Length == broader.Length || code[broader.Length] == '.');

    /// <summary>Whether a partner advertising <paramref name="capabilities"/> answers the need (a narrower capability answers a broader need).</summary>
    public static bool Answers(IEnumerable<string> capabilities, CapabilityNeed need) => capabilities.Any(c => Covers(need.Capability, c));
}
