using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using DbUp.SqlServer;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>What DbUp does with our SQL Server scripts, checked without a server: its batches and its order.</summary>
public class Migration_batches
{
    private static IEnumerable<string> Batches(string script) =>
        new SqlConnectionManager("Server=unused").SplitScriptIntoCommands(script).Select(b => b.Trim());

    [Fact]
    public void A_script_is_split_at_lines_holding_only_GO()
    {
        const string script = "ALTER TABLE t ADD c INT;\r\nGO\r\nUPDATE t SET c = 1;\n  go  \nSELECT 1;\n";

        Assert.Equal(["ALTER TABLE t ADD c INT;", "UPDATE t SET c = 1;", "SELECT 1;"], Batches(script));
    }

    [Fact]
    public void GO_inside_a_line_does_not_split()
    {
        const string script = "UPDATE t SET note = 'GO';\nSELECT category FROM t WHERE category = N'GO west';";

        Assert.Single(Batches(script));
    }

    [Fact]
    public void The_sql_server_engine_runs_the_shared_and_the_service_sql_server_scripts_under_their_journal_names()
    {
        var assemblies = new[] { typeof(Database).Assembly, typeof(Partners.Infrastructure.PartnerRepository).Assembly };
        var expected = assemblies.SelectMany(a => MigrationRunner.ScriptsIn(a, SqlDialect.SqlServer)).ToDictionary(s => s.Id, s => s.Sql);

        var discovered = MigrationRunner.Engine(SqlDialect.SqlServer, "Server=unused;Database=market", assemblies, NullLogger.Instance)
            .GetDiscoveredScripts().ToDictionary(s => s.Name, s => s.Contents);

        Assert.Contains("EcosystemMarket.Data:0000_outbox_inbox", discovered.Keys);
        Assert.Contains("EcosystemMarket.Partners:0001_partners", discovered.Keys);
        Assert.Equal(expected.OrderBy(e => e.Key), discovered.OrderBy(d => d.Key));
        Assert.Contains("NVARCHAR", discovered["EcosystemMarket.Partners:0001_partners"], StringComparison.OrdinalIgnoreCase);
    }
}
