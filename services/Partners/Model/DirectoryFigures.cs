using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Partners.Telemetry;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// The directory's figures for one program (or the whole ecosystem), cut from the counts the partner gauges read,
/// so the figures and the gauges cannot disagree.
/// </summary>
public static class DirectoryFigures
{
    /// <param name="everyProgram">List every program (for an administrator), not only <paramref name="vendor"/>'s.</param>
    public static PartnerFigures Of(IReadOnlyList<PartnerCount> counts, string? vendor, bool everyProgram)
    {
        var key = vendor ?? EcosystemMetrics.Tags.AllVendors;
        IReadOnlyList<GroupCount> Dimension(string dimension) => counts
            .Where(c => c.Vendor == key && c.Dimension == dimension)
            .Select(c => new GroupCount(c.Value, c.Partners))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();

        var byType = Dimension("type");
        return new PartnerFigures
        {
            Vendor = vendor,
            // Every partner has exactly one type, so the types add up to the partners.
            Partners = byType.Sum(g => g.Count),
            ByType = byType,
            ByTier = Dimension("tier"),
            ByRegion = Dimension("region"),
            Programs = counts
                .Where(c => c.Dimension == "type" && c.Vendor != EcosystemMetrics.Tags.AllVendors && (everyProgram || c.Vendor == vendor))
                .GroupBy(c => c.Vendor)
                .Select(g => new GroupCount(g.Key, g.Sum(c => c.Partners)))
                .OrderBy(g => g.Group, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
