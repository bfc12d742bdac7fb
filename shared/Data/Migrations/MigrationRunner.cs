using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts embedded in the given assemblies (<c>Migrations/{dialect}/NNNN_name.sql</c>),
/// each once, in order, each in its own transaction. Evolve would do the same; ours is a page of code and
/// knows how to take SQL Server's application lock so that replicas starting together migrate once.
/// </summary>
public sealed partial class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    private static readonly SqlText CreateHistory = new(
        Sqlite: "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);",
        SqlServer: """
            IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
                CREATE TABLE dbo.schema_migrations (id NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at DATETIMEOFFSET NOT NULL);
            """);

    private static readonly SqlText SelectApplied = SqlText.Portable("SELECT id FROM schema_migrations;");
    private static readonly SqlText InsertApplied = SqlText.Portable("INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, @AppliedAt);");
    private static readonly SqlText TakeLock = new(
        Sqlite: "SELECT 1;",
        SqlServer: "EXEC sp_getapplock @Resource = N'schema_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000;");

    public async Task MigrateAsync(IEnumerable<Assembly> assemblies, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (database.Dialect == SqlDialect.Sqlite)
            {
                // WAL lets readers run beside the single writer; the setting persists in the file.
                await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
            }
            await connection.ExecuteAsync(database.Sql(CreateHistory));
        }

        foreach (var script in assemblies.SelectMany(a => ScriptsIn(a, database.Dialect)).OrderBy(s => s.Order))
        {
            await ApplyAsync(script, cancellationToken);
        }
    }

    private async Task ApplyAsync(Script script, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var connection = unit.Connection;
        await connection.ExecuteAsync(database.Sql(TakeLock), transaction: unit.Transaction);
        var applied = (await connection.QueryAsync<string>(database.Sql(SelectApplied), transaction: unit.Transaction)).ToHashSet();
        if (applied.Contains(script.Id))
        {
            return;
        }

        logger.LogInformation("Applying migration {Migration}", script.Id);
        foreach (var batch in Batches(script.Sql))
        {
            await connection.ExecuteAsync(batch, transaction: unit.Transaction);
        }
        await connection.ExecuteAsync(database.Sql(InsertApplied), new { script.Id, AppliedAt = DateTimeOffset.UtcNow }, unit.Transaction);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// SQL Server compiles a whole batch before running it, so a statement cannot use a column that an earlier
    /// statement of the same batch adds; such scripts separate batches with a line holding only GO, as sqlcmd does.
    /// </summary>
    public static IReadOnlyList<string> Batches(string sql) =>
        BatchSeparator().Split(sql).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();

    [GeneratedRegex(@"^[ \t]*GO[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    /// <summary>Every migration script embedded in an assembly for a dialect, in version order.</summary>
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

    /// <summary>Scripts run ordered by file name (its version prefix), then by module for equal names.</summary>
    public sealed record Script(string Id, string File, string Sql)
    {
        public string Order => $"{File}|{Id}";
    }
}
