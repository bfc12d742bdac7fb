using System.Reflection;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// A SQLite database file of a test's own, migrated with the shared scripts and those of the given assemblies,
/// deleted afterwards with its WAL, shared-memory and migration lock files.
/// </summary>
public sealed class MigratedSqliteFile : IAsyncDisposable
{
    private MigratedSqliteFile(string path, Database database)
    {
        Path = path;
        Database = database;
    }

    public string Path { get; }
    public Database Database { get; }

    /// <param name="assemblies">The assemblies whose migrations to apply besides the shared ones (outbox, inbox, idempotency keys).</param>
    public static async Task<MigratedSqliteFile> CreateAsync(string name, IEnumerable<Assembly> assemblies, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"em-{name}-{Guid.NewGuid():N}.db");
        var file = new MigratedSqliteFile(path, Open(path));
        await new MigrationRunner(file.Database, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync([typeof(Database).Assembly, .. assemblies], cancellationToken);
        return file;
    }

    /// <summary>Another <see cref="Data.Database"/> on the same file, as another process of the service would have.</summary>
    public Database OpenAnother() => Open(Path);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + ".migrations.lock" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    private static Database Open(string path) => new($"Data Source={path}", SqlDialect.Sqlite, new OutboxSignal());
}
