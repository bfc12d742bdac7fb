using System.Reflection;
using System.Text.RegularExpressions;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EcosystemMarket.UnitTests;

public partial class SqlServer_statements_parse
{
    private static readonly IReadOnlyDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        ["Data"] = typeof(Database).Assembly,
        ["Partners"] = typeof(Partners.Infrastructure.PartnerRepository).Assembly,
        ["Matching"] = typeof(Matching.Infrastructure.TrackRecordStore).Assembly,
        ["Brokering"] = typeof(Brokering.Infrastructure.OpportunityRepository).Assembly,
        ["Settlement"] = typeof(Settlement.Infrastructure.Ledger).Assembly,
    };

    public static TheoryData<string> AssemblyNames => new(Assemblies.Keys);

    public static TheoryData<string, string> MigrationScripts => new(
        Assemblies.SelectMany(a => MigrationRunner.ScriptsIn(a.Value, SqlDialect.SqlServer).Select(s => (s.Id, s.Sql))));

    public static TheoryData<string, string> Statements => new(AllStatements().Select(s => (s.Name, s.Sql)));

    private static IEnumerable<(string Name, string Sql)> AllStatements() => Assemblies.Values.SelectMany(StatementsIn);

    /// <summary>The SQL Server text of every <see cref="SqlText"/> field an assembly declares: what its code runs.</summary>
    internal static IEnumerable<(string Name, string Sql)> StatementsIn(Assembly assembly) =>
        from type in assembly.GetTypes()
        where !type.ContainsGenericParameters
        from field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        where field.FieldType == typeof(SqlText)
        orderby type.FullName, field.Name
        select ($"{type.FullName}.{field.Name}", ((SqlText)field.GetValue(null)!).SqlServer);

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Every_assembly_ships_sql_server_migrations_and_sqlite_ones_of_the_same_names(string name)
    {
        var assembly = Assemblies[name];
        var sqlServer = MigrationRunner.ScriptsIn(assembly, SqlDialect.SqlServer).Select(s => s.File).Order(StringComparer.Ordinal).ToList();
        var sqlite = MigrationRunner.ScriptsIn(assembly, SqlDialect.Sqlite).Select(s => s.File).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(sqlServer);
        Assert.Equal(sqlServer, sqlite);
    }

    [Theory]
    [MemberData(nameof(MigrationScripts))]
    public void Every_migration_script(string script, string sql) => AssertParses(script, sql);

    [Fact]
    public void Finds_the_statements_it_checks()
    {
        var statements = AllStatements().ToList();

        Assert.True(statements.Count >= 15, $"Expected at least 15 SqlText fields, found {statements.Count}: {string.Join(", ", statements.Select(s => s.Name))}");
        Assert.All(Assemblies, a => Assert.Contains(statements, s => s.Name.StartsWith(a.Value.GetName().Name + ".", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_statement(string field, string sql) => AssertParses(field, sql);

    [Fact]
    public void The_migration_lock() => AssertParses(nameof(MigrationLock), MigrationLock.SqlServerTake);

    [Fact]
    public void The_migration_journal()
    {
        AssertParses("journal create", MigrationJournal.SqlServerCreate);
        AssertParses("journal select", MigrationJournal.SqlServerSelect);
        AssertParses("journal insert", MigrationJournal.Insert(SqlDialect.SqlServer, "@scriptName", "@applied"));
        Assert.StartsWith("INSERT INTO dbo.schema_migrations (id, applied_at)", MigrationJournal.Insert(SqlDialect.SqlServer, "@scriptName", "@applied"), StringComparison.Ordinal);
    }

    [Fact]
    public void Would_catch_sql_that_is_not_t_sql()
    {
        // SQLite's upsert, and a Dapper list parameter parsed as written: both must be reported.
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertParses("sqlite upsert",
            "INSERT INTO t (id) VALUES (@Id) ON CONFLICT (id) DO UPDATE SET id = excluded.id;"));
        Assert.NotEmpty(Parse("UPDATE t SET a = 1 WHERE id IN @Ids;"));
    }

    // Dapper expands a list parameter `IN @Ids` to `IN (@Ids1, @Ids2, ...)` at run time; the text as written is not T-SQL.
    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperListParameter();

    /// <summary>The text as SQL Server receives it once Dapper has expanded its list parameters.</summary>
    internal static string Expanded(string sql) => DapperListParameter().Replace(sql, "IN (@${1}1, @${1}2)");

    private static void AssertParses(string name, string sql)
    {
        var expanded = Expanded(sql);
        var errors = Parse(expanded);

        Assert.True(errors.Count == 0,
            $"{name} does not parse as T-SQL:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}")) +
            $"{Environment.NewLine}--- SQL ---{Environment.NewLine}{expanded}");
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out IList<ParseError> errors);
        return errors;
    }
}
