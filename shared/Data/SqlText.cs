namespace EcosystemMarket.Data;

/// <summary>
/// One SQL statement in both dialects. Most statements are written once in the common subset of SQLite
/// and T-SQL (<see cref="Portable"/>); the tests parse every <see cref="SqlServer"/> text with ScriptDom.
/// </summary>
public sealed record SqlText(string Sqlite, string SqlServer)
{
    public static SqlText Portable(string sql) => new(sql, sql);

    public string For(SqlDialect dialect) => dialect == SqlDialect.SqlServer ? SqlServer : Sqlite;
}
