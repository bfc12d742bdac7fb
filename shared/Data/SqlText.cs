namespace EcosystemMarket.Data;

/// <summary>
/// One SQL statement in both dialects. Most statements are written once in the common subset of SQLite
/// and T-SQL (<see cref="Portable"/>); the tests parse every <see cref="SqlServer"/> text with ScriptDom.
/// </summary>
public sealed record SqlText(string Sqlite, string SqlServer)
{
    /// <summary>
    /// Items to put in one list parameter (<c>IN @Ids</c>, which Dapper expands to a parameter each): SQL Server takes
    /// at most 2,100 parameters a statement, so longer lists are asked in chunks of this size.
    /// </summary>
    public const int MaxListItems = 1000;

    public static SqlText Portable(string sql) => new(sql, sql);

    public string For(SqlDialect dialect) => dialect == SqlDialect.SqlServer ? SqlServer : Sqlite;
}
