using System.Collections.Concurrent;
using System.Reflection;
using EcosystemMarket.Data;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// Every SQL Server statement a service runs names only tables and columns its migrations create (checked with
/// DacFx's model, one model per service); the shared outbox, inbox and idempotency statements against the shared scripts.
/// </summary>
public class SqlServer_statements_match_the_schema
{
    private static readonly Assembly Shared = typeof(Database).Assembly;

    private static readonly IReadOnlyDictionary<string, Assembly> Services = new Dictionary<string, Assembly>
    {
        ["Data"] = Shared,
        ["Partners"] = typeof(Partners.Infrastructure.PartnerRepository).Assembly,
        ["Matching"] = typeof(Matching.Infrastructure.TrackRecordStore).Assembly,
        ["Brokering"] = typeof(Brokering.Infrastructure.OpportunityRepository).Assembly,
        ["Settlement"] = typeof(Settlement.Infrastructure.Ledger).Assembly,
    };

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>> Checked = new();

    public static TheoryData<string, string> Statements => new(
        from service in Services
        from statement in SqlServer_statements_parse.StatementsIn(service.Value)
        select (service.Key, statement.Name));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_statement_resolves(string service, string statement)
    {
        var messages = Messages(service);

        Assert.True(messages[statement].Count == 0,
            $"{statement} does not match {service}'s schema:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", messages[statement])}" +
            $"{Environment.NewLine}--- SQL ---{Environment.NewLine}{Sql(service, statement)}");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void The_migrations_build_a_valid_schema(string service) =>
        Assert.False(Messages(service).TryGetValue("(schema)", out var messages), string.Join(Environment.NewLine, messages ?? []));

    public static TheoryData<string> ServiceNames => new(Services.Keys);

    [Fact]
    public void A_statement_naming_an_unknown_column_or_table_fails()
    {
        var schema = SqlServerSchema.From([Shared, Services["Partners"]]);

        var messages = schema.Check([
            ("known", "SELECT id, name FROM dbo.partners WHERE id = @Id;"),
            ("unknown column", "SELECT id, no_such_column FROM dbo.partners WHERE id = @Id;"),
            ("unknown table", "UPDATE dbo.no_such_table SET name = @Name WHERE id = @Id;"),
        ]);

        Assert.Empty(messages["known"]);
        Assert.Contains(messages["unknown column"], m => m.Contains("no_such_column", StringComparison.Ordinal));
        Assert.Contains(messages["unknown table"], m => m.Contains("no_such_table", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_a_later_migration_drops_is_unknown_and_one_it_adds_is_known()
    {
        // 0002_lifecycle_and_rewards replaces invitations.referral_fee_percent with reward_percent.
        var schema = SqlServerSchema.From([Shared, Services["Brokering"]]);

        var messages = schema.Check([
            ("added", "SELECT reward_percent FROM dbo.invitations WHERE id = @Id;"),
            ("dropped", "SELECT referral_fee_percent FROM dbo.invitations WHERE id = @Id;"),
        ]);

        Assert.Empty(messages["added"]);
        Assert.Contains(messages["dropped"], m => m.Contains("referral_fee_percent", StringComparison.Ordinal));
    }

    [Fact]
    public void Migrations_are_replayed_in_order_altering_adding_and_dropping_columns_tables_and_indexes()
    {
        var schema = SqlServerSchema.From([
            ("0001", "CREATE TABLE dbo.orders (id BIGINT NOT NULL PRIMARY KEY, note NVARCHAR(10) NULL, old_total INT NULL);\nCREATE TABLE dbo.scratch (id INT NOT NULL);\nCREATE INDEX ix_orders_old_total ON dbo.orders (old_total);"),
            ("0002", "ALTER TABLE dbo.orders ALTER COLUMN note NVARCHAR(400) NULL;\nALTER TABLE dbo.orders ADD total DECIMAL(19, 4) NULL, currency CHAR(3) NULL;\nGO\nUPDATE dbo.orders SET total = old_total;"),
            ("0003", "DROP INDEX ix_orders_old_total ON dbo.orders;\nALTER TABLE dbo.orders DROP COLUMN old_total;\nDROP TABLE dbo.scratch;"),
        ]);

        var messages = schema.Check([
            ("current", "SELECT id, note, total, currency FROM dbo.orders WHERE id = @Id;"),
            ("dropped column", "SELECT old_total FROM dbo.orders;"),
            ("dropped table", "SELECT id FROM dbo.scratch;"),
        ]);

        Assert.Empty(messages["current"]);
        Assert.Contains(messages["dropped column"], m => m.Contains("old_total", StringComparison.Ordinal));
        Assert.Contains(messages["dropped table"], m => m.Contains("scratch", StringComparison.Ordinal));
        Assert.False(messages.ContainsKey("(schema)"), string.Join(Environment.NewLine, messages.GetValueOrDefault("(schema)") ?? []));
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Messages(string service) =>
        Checked.GetOrAdd(service, name => new Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>(() =>
        {
            var assemblies = name == "Data" ? [Shared] : new[] { Shared, Services[name] };
            return SqlServerSchema.From(assemblies).Check(SqlServer_statements_parse.StatementsIn(Services[name]).ToList());
        })).Value;

    private static string Sql(string service, string statement) =>
        SqlServer_statements_parse.StatementsIn(Services[service]).First(s => s.Name == statement).Sql;
}
