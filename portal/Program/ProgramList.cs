using EcosystemMarket.Contracts.Ecosystem;

namespace EcosystemMarket.Portal.Program;

public static class ProgramList
{
    /// <summary>The programs known to the directory (they have members) or to Settlement (they have a reward program), by id.</summary>
    public static IReadOnlyList<ProgramSummary> Of(PartnerFigures? partners, RewardFigures? rewards) =>
        (partners?.Programs.Select(p => new ProgramSummary(p.Group, null)) ?? [])
            .Concat(rewards?.Programs ?? [])
            .GroupBy(p => p.VendorId)
            .Select(g => new ProgramSummary(g.Key, g.Select(p => p.Name).FirstOrDefault(n => n is not null)))
            .OrderBy(p => p.VendorId, StringComparer.Ordinal)
            .ToList();

    public static string Label(ProgramSummary program) => program.Name is { } name ? $"{name} ({program.VendorId})" : program.VendorId;
}
