using System.Data.Common;
using Microsoft.Data.SqlClient;
using EcosystemMarket.Data.Outbox;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>Opens connections to the one database a service owns, in the dialect configuration chose.</summary>
public sealed class Database(string connectionString, SqlDialect dialect, OutboxSignal outboxSignal)
{
    static Database() => DapperTypeHandlers.Register();

    public SqlDialect Dialect { get; } = dialect;

    public OutboxSignal OutboxSignal => outboxSignal;

    public string Sql(SqlText text) => text.For(Dialect);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Dialect == SqlDialect.SqlServer
            ? new SqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Begins a unit of work: one connection, one transaction, and the outbox messages to publish once it commits.</summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            // SQLite: BeginTransaction takes the write lock up front (BEGIN IMMEDIATE), so two writers
            // queue on busy_timeout instead of failing later on a lock upgrade.
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new UnitOfWork(this, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
