using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Sqlite;
using DbUp.SqlServer;

namespace EcosystemMarket.Data.Migrations;

/// <summary>
/// DbUp's journal kept in the table the home-made runner wrote (<c>schema_migrations (id, applied_at)</c>), so a
/// database it migrated is one DbUp has migrated too: the same script names, nothing to convert or re-run.
/// </summary>
public static class MigrationJournal
{
    public const string Table = "schema_migrations";

    public const string SqliteCreate = $"CREATE TABLE {Table} (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);";
    public const string SqlServerCreate = $"CREATE TABLE dbo.{Table} (id NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at DATETIMEOFFSET NOT NULL);";
    public const string SqliteSelect = $"SELECT id FROM {Table} ORDER BY id;";
    public const string SqlServerSelect = $"SELECT id FROM dbo.{Table} ORDER BY id;";

    /// <summary>The insert of one journal row, with the parameter names DbUp gives.</summary>
    public static string Insert(SqlDialect dialect, string scriptName, string applied) =>
        $"INSERT INTO {(dialect == SqlDialect.SqlServer ? "dbo." : "")}{Table} (id, applied_at) VALUES ({scriptName}, {applied});";

    public sealed class Sqlite(Func<IConnectionManager> connections, Func<IUpgradeLog> log) : SqliteTableJournal(connections, log, Table)
    {
        protected override string CreateSchemaTableSql(string quotedPrimaryKeyName) => SqliteCreate;

        protected override string GetJournalEntriesSql() => SqliteSelect;

        protected override string GetInsertJournalEntrySql(string scriptName, string applied) => Insert(SqlDialect.Sqlite, scriptName, applied);
    }

    public sealed class SqlServer(Func<IConnectionManager> connections, Func<IUpgradeLog> log) : SqlTableJournal(connections, log, "dbo", Table)
    {
        protected override string CreateSchemaTableSql(string quotedPrimaryKeyName) => SqlServerCreate;

        protected override string GetJournalEntriesSql() => SqlServerSelect;

        protected override string GetInsertJournalEntrySql(string scriptName, string applied) => Insert(SqlDialect.SqlServer, scriptName, applied);
    }
}
