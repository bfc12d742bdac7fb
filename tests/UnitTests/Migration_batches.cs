using EcosystemMarket.Data.Migrations;

namespace EcosystemMarket.UnitTests;

public class Migration_batches
{
    [Fact]
    public void A_script_is_split_at_lines_holding_only_GO()
    {
        const string script = "ALTER TABLE t ADD c INT;\r\nGO\r\nUPDATE t SET c = 1;\n  go  \nSELECT 1;\n";

        var batches = MigrationRunner.Batches(script).Select(b => b.Trim()).ToList();

        Assert.Equal(["ALTER TABLE t ADD c INT;", "UPDATE t SET c = 1;", "SELECT 1;"], batches);
    }

    [Fact]
    public void GO_inside_a_line_does_not_split()
    {
        const string script = "UPDATE t SET note = 'GO';\nSELECT category FROM t WHERE category = N'GO west';";

        Assert.Single(MigrationRunner.Batches(script));
    }
}
