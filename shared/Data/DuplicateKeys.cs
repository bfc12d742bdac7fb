using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>Whether a database refused a row because its key is taken: how an insert learns it lost a race to create the same thing.</summary>
public static class DuplicateKeys
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;

    public static bool IsDuplicateKey(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                  && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        SqlException sqlServer => sqlServer.Number is SqlServerUniqueConstraint or SqlServerUniqueIndex,
        _ => false,
    };
}
