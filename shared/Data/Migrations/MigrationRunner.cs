using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts embedded in the given assemblies (<c>Migrations/{dialect}/NNNN_name.sql</c>),
/// each once, in order, each in its own transaction, with DbUp. DbUp rather than Evolve: DbUp knows a script by
/// its name, so the shared scripts and a service's may share a version number (both have a <c>0001_</c>) and the
/// journal the home-made runner kept (<c>schema_migrations</c>, one row per <c>module:file</c>) stays the journal;
/// Evolve wants one unique version per run and a changelog of its own. Neither locks on SQLite, and DbUp not on
/// SQL Server either, so <see cref="MigrationLock"/> keeps replicas that start together from migrating twice.
/// </summary>
public sealed class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    public async Task MigrateAsync(IEnumerable<Assembly> assemblies, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (database.Dialect == SqlDialect.Sqlite)
            {
                // WAL lets readers run beside the single writer; the setting persists in the file.
                await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
            }
        }

        await using var migrationLock = await MigrationLock.TakeAsync(database, cancellationToken);
        var result = Engine(database.Dialect, database.ConnectionString, assemblies, logger).PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    /// <summary>The DbUp engine for a dialect: our scripts, in our order, journaled in <c>schema_migrations</c>.</summary>
    public static UpgradeEngine Engine(SqlDialect dialect, string connectionString, IEnumerable<Assembly> assemblies, ILogger logger)
    {
        var builder = dialect == SqlDialect.SqlServer
            ? DeployChanges.To.SqlDatabase(connectionString)
                .JournalTo((connections, log) => new MigrationJournal.SqlServer(connections, log))
            : DeployChanges.To.SqliteDatabase(connectionString)
                .JournalTo((connections, log) => new MigrationJournal.Sqlite(connections, log));

        var scripts = assemblies.SelectMany(a => ScriptsIn(a, dialect)).ToList();
        var order = scripts.ToDictionary(s => s.Id, s => s.Order, StringComparer.Ordinal);
        return builder
            .WithScripts(scripts.Select(s => new SqlScript(s.Id, s.Sql)))
            .WithScriptSorter(found => found.OrderBy(s => order[s.Name], StringComparer.Ordinal))
            // Scripts are plain SQL: a '$' in one is data, not a DbUp variable.
            .WithVariablesDisabled()
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build();
    }

    /// <summary>Every migration script embedded in an assembly for a dialect.</summary>
    public static IEnumerable<Script> ScriptsIn(Assembly assembly, SqlDialect dialect)
    {
        var prefix = $"Migrations/{dialect}/";
        var module = assembly.GetName().Name!;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = name[prefix.Length..^4];
            yield return new Script($"{module}:{file}", file, reader.ReadToEnd());
        }
    }

    /// <summary>
    /// A script's journal name is <c>module:file</c>. Scripts run ordered by file name (its version prefix), then
    /// by module for equal names, so the shared scripts interleave with a service's as they always have.
    /// </summary>
    public sealed record Script(string Id, string File, string Sql)
    {
        public string Order => $"{File}|{Id}";
    }
}
