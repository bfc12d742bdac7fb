using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>What a failed statement means, the same way on both providers.</summary>
public static class StoreErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;

    /// <summary>
    /// A unique key refused the row: on an append-only table (a chain's sequence) it means a concurrent writer took
    /// the key first, so the work can be redone from a fresh read.
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sqlServer => sqlServer.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex,
        _ => false,
    };
}
