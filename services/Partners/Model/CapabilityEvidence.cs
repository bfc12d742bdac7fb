using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// What backs an advertised capability: the certifications valid on the given day and the solutions that
/// cover it. An item covering a more specific code counts for the broader one (a backup certification speaks
/// for storage); a broad one does not prove the specific (a storage certification says nothing about backup).
/// </summary>
public sealed record CapabilityEvidence(IReadOnlyList<string> Certifications, IReadOnlyList<string> Solutions)
{
    public static CapabilityEvidence For(string capability, IEnumerable<CertificationSnapshot> certifications,
        IEnumerable<SolutionSnapshot> solutions, DateOnly today) => new(
        certifications.Where(c => c.IsValidOn(today) && Covers(c.Capabilities, capability)).Select(c => c.Name).Distinct().ToList(),
        solutions.Where(s => Covers(s.Capabilities, capability)).Select(s => s.Name).Distinct().ToList());

    private static bool Covers(IEnumerable<string> codes, string capability) => codes.Any(code => CapabilityTaxonomy.IsWithin(code, capability));
}
