using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.Partners.Telemetry;

namespace EcosystemMarket.UnitTests;

public class Directory_figures
{
    private static PartnerCount Count(string dimension, string vendor, string value, long partners) =>
        new() { Dimension = dimension, Vendor = vendor, Value = value, Partners = partners };

    private static readonly IReadOnlyList<PartnerCount> Counts =
    [
        Count("type", "*", "solution", 3), Count("type", "*", "sales", 2),
        Count("tier", "*", "premier", 4), Count("tier", "*", "ready", 1),
        Count("region", "*", "US", 5), Count("region", "*", "DE", 2),
        Count("type", "acme", "solution", 2),
        Count("tier", "acme", "premier", 2),
        Count("region", "acme", "US", 2), Count("region", "acme", "DE", 1),
        Count("type", "globex", "sales", 1),
    ];

    [Fact]
    public void A_vendor_sees_only_its_programs_members_and_only_its_own_program()
    {
        var figures = DirectoryFigures.Of(Counts, "acme", everyProgram: false);

        Assert.Equal(2, figures.Partners);
        Assert.Equal([new GroupCount("solution", 2)], figures.ByType);
        Assert.Equal([new GroupCount("premier", 2)], figures.ByTier);
        Assert.Equal([new GroupCount("US", 2), new GroupCount("DE", 1)], figures.ByRegion);
        Assert.Equal([new GroupCount("acme", 2)], figures.Programs);
    }

    [Fact]
    public void The_whole_ecosystem_counts_each_partner_once_and_lists_every_program()
    {
        var figures = DirectoryFigures.Of(Counts, null, everyProgram: true);

        Assert.Equal(5, figures.Partners);
        Assert.Equal([new GroupCount("solution", 3), new GroupCount("sales", 2)], figures.ByType);
        Assert.Equal([new GroupCount("acme", 2), new GroupCount("globex", 1)], figures.Programs);
    }

    [Fact]
    public void An_administrator_looking_at_one_program_can_still_pick_any_other()
    {
        var figures = DirectoryFigures.Of(Counts, "globex", everyProgram: true);

        Assert.Equal(1, figures.Partners);
        Assert.Equal([new GroupCount("acme", 2), new GroupCount("globex", 1)], figures.Programs);
    }
}
