using System.Data.Common;
using Microsoft.Data.SqlClient;
using EcosystemMarket.Data.Outbox;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>Opens connections to the one database a service owns, in the dialect configuration chose.</summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly SqliteGroupCommit? _groupCommit;

    public Database(string connectionString, SqlDialect dialect, OutboxSignal outboxSignal)
    {
        _connectionString = connectionString;
        Dialect = dialect;
        OutboxSignal = outboxSignal;
        _groupCommit = dialect == SqlDialect.Sqlite ? new SqliteGroupCommit(this) : null;
    }

    static Database() => DapperTypeHandlers.Register();

    public SqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    public OutboxSignal OutboxSignal { get; }

    public string Sql(SqlText text) => text.For(Dialect);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Dialect == SqlDialect.SqlServer
            ? new SqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Begins a unit of work: one transaction, and the outbox messages to publish once it commits. On SQLite,
    /// units take turns and those that queue up are committed together (<see cref="SqliteGroupCommit"/>).
    /// </summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken = default) =>
        new(this, _groupCommit is not null
            ? await _groupCommit.BeginAsync(cancellationToken)
            : await DedicatedWriteTransaction.BeginAsync(this, cancellationToken));

    /// <summary>
    /// The dialect follows from the connection string's keys (SQL Server names a server, SQLite only a file)
    /// unless <c>Database:Provider</c> says otherwise, so an Aspire-style connection string alone is enough.
    /// </summary>
    public static SqlDialect InferDialect(string connectionString, string? provider)
    {
        if (!string.IsNullOrWhiteSpace(provider))
        {
            return Enum.Parse<SqlDialect>(provider, ignoreCase: true);
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string[] serverKeys = ["server", "initial catalog", "database", "user id", "integrated security", "trusted_connection", "address", "addr"];
        return serverKeys.Any(builder.ContainsKey) ? SqlDialect.SqlServer : SqlDialect.Sqlite;
    }
}
