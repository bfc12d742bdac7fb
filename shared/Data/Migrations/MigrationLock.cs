using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.Data.Migrations;

/// <summary>
/// Held while DbUp migrates, so that replicas starting together on one database migrate once: the first
/// applies the scripts, the others wait, then find them journaled. DbUp has no lock of its own.
/// SQL Server: an application lock owned by a session kept open for the purpose.
/// SQLite: an exclusive lock on a file beside the database (a SQLite write lock would block DbUp's own writes).
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public const string SqlServerTake =
        "DECLARE @result INT; EXEC @result = sp_getapplock @Resource = N'schema_migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @TimeoutMs; SELECT @result;";

    private readonly DbConnection? _session;
    private readonly FileStream? _file;

    private MigrationLock(DbConnection? session, FileStream? file) => (_session, _file) = (session, file);

    public static async Task<MigrationLock> TakeAsync(Database database, CancellationToken cancellationToken) =>
        database.Dialect == SqlDialect.SqlServer
            ? await TakeApplicationLockAsync(database, cancellationToken)
            : new MigrationLock(null, await TakeFileLockAsync(LockFile(database.ConnectionString), cancellationToken));

    /// <summary>The lock file of a SQLite database, or null for an in-memory one (which one process alone sees).</summary>
    public static string? LockFile(string sqliteConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString);
        var memory = builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:";
        return memory ? null : Path.GetFullPath(builder.DataSource) + ".migrations.lock";
    }

    private static async Task<MigrationLock> TakeApplicationLockAsync(Database database, CancellationToken cancellationToken)
    {
        var session = await database.OpenAsync(cancellationToken);
        var result = await session.ExecuteScalarAsync<int>(new CommandDefinition(SqlServerTake,
            new { TimeoutMs = (int)Timeout.TotalMilliseconds }, commandTimeout: (int)Timeout.TotalSeconds + 30, cancellationToken: cancellationToken));
        if (result < 0)
        {
            await session.DisposeAsync();
            throw new TimeoutException($"sp_getapplock on schema_migrations answered {result}: another replica held it past {Timeout}.");
        }
        return new MigrationLock(session, null);
    }

    private static async Task<FileStream?> TakeFileLockAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix), released when the stream closes or the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            // Closing the session releases its application lock.
            await _session.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
