using System.Data.Common;
using Microsoft.Data.SqlClient;
using EcosystemMarket.Data.Outbox;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data;

/// <summary>Opens connections to the one database a service owns, in the dialect configuration chose.</summary>
public sealed class Database(string connectionString, SqlDialect dialect, OutboxSignal outboxSignal)
{
    private static readonly TimeSpan WriteGateTimeout = TimeSpan.FromSeconds(30);

    // SQLite has one writer at a time. Writers that meet a held lock get SQLITE_BUSY, and Microsoft.Data.Sqlite
    // retries them after sleeping a thread-pool thread; queueing this process's writers here instead hands the
    // lock on the moment it is free. (Other processes on the same file still meet the busy retry.)
    private readonly SemaphoreSlim? _writeGate = dialect == SqlDialect.Sqlite ? new SemaphoreSlim(1, 1) : null;

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
        if (_writeGate is not null && !await _writeGate.WaitAsync(WriteGateTimeout, cancellationToken))
        {
            throw new TimeoutException($"No write transaction became free within {WriteGateTimeout.TotalSeconds} s.");
        }
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            // SQLite: BeginTransaction takes the write lock up front (BEGIN IMMEDIATE), so two writers
            // queue instead of failing later on a lock upgrade.
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new UnitOfWork(this, connection, transaction);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            _writeGate?.Release();
            throw;
        }
    }

    /// <summary>Called by a unit of work once its transaction and connection are closed.</summary>
    internal void EndWrite() => _writeGate?.Release();

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
