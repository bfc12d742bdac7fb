using System.Reflection;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.Partners.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>DbUp migrating a service's SQLite file: fresh, again, twice at once, and from the home-made runner's journal.</summary>
public sealed class Migrating_a_database : IAsyncDisposable
{
    private static readonly Assembly[] Assemblies = [typeof(Database).Assembly, typeof(PartnerRepository).Assembly];
    private static readonly List<MigrationRunner.Script> Scripts =
        Assemblies.SelectMany(a => MigrationRunner.ScriptsIn(a, SqlDialect.Sqlite)).OrderBy(s => s.Order, StringComparer.Ordinal).ToList();

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-migrations-{Guid.NewGuid():N}.db");
    private readonly Database _database;

    public Migrating_a_database() => _database = new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_database_gets_every_script_in_order_and_journals_each()
    {
        var log = new ExecutedScripts();

        await Runner(log).MigrateAsync(Assemblies, Cancel);

        Assert.Equal(Scripts.Select(s => s.Id), log.Names);
        Assert.Equal(Scripts.Select(s => s.Id).Order(StringComparer.Ordinal), await JournalAsync());
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM partners;"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outbox_messages;"));
    }

    [Fact]
    public async Task Running_again_applies_nothing()
    {
        await Runner(new ExecutedScripts()).MigrateAsync(Assemblies, Cancel);
        var again = new ExecutedScripts();

        await Runner(again).MigrateAsync(Assemblies, Cancel);

        Assert.Empty(again.Names);
        Assert.Equal(Scripts.Count, (await JournalAsync()).Count);
    }

    [Fact]
    public async Task Runners_starting_at_once_all_succeed_and_apply_each_script_once()
    {
        var logs = Enumerable.Range(0, 4).Select(_ => new ExecutedScripts()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runners = logs.Select(log => Runner(log)).ToList();

        var running = runners.Select(runner => Task.Run(async () => { await start.Task; await runner.MigrateAsync(Assemblies, Cancel); }, Cancel)).ToList();
        start.SetResult();
        await Task.WhenAll(running);

        Assert.Equal(Scripts.Select(s => s.Id).Order(StringComparer.Ordinal), logs.SelectMany(l => l.Names).Order(StringComparer.Ordinal));
        Assert.Equal(Scripts.Count, (await JournalAsync()).Count);
    }

    [Fact]
    public async Task A_runner_waits_while_another_holds_the_migration_lock()
    {
        var log = new ExecutedScripts();
        Task migrating;
        await using (await MigrationLock.TakeAsync(_database, Cancel))
        {
            migrating = Task.Run(() => Runner(log).MigrateAsync(Assemblies, Cancel), Cancel);
            await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);

            Assert.False(migrating.IsCompleted);
            Assert.Empty(log.Names);
        }

        await migrating;
        Assert.Equal(Scripts.Count, log.Names.Count);
    }

    [Fact]
    public async Task A_database_the_home_made_runner_migrated_runs_only_the_scripts_it_lacks()
    {
        var last = Scripts[^1];
        await MigrateAsTheHomeMadeRunnerDid(Scripts[..^1]);
        var log = new ExecutedScripts();

        await Runner(log).MigrateAsync(Assemblies, Cancel);

        Assert.Equal([last.Id], log.Names);
        Assert.Equal(Scripts.Select(s => s.Id).Order(StringComparer.Ordinal), await JournalAsync());
    }

    [Fact]
    public async Task A_database_the_home_made_runner_migrated_fully_runs_nothing()
    {
        await MigrateAsTheHomeMadeRunnerDid(Scripts);
        var log = new ExecutedScripts();

        await Runner(log).MigrateAsync(Assemblies, Cancel);

        Assert.Empty(log.Names);
        Assert.Equal(Scripts.Count, (await JournalAsync()).Count);
    }

    [Fact]
    public void An_in_memory_database_needs_no_lock_file_and_a_file_gets_one_beside_it()
    {
        Assert.Null(MigrationLock.LockFile("Data Source=:memory:"));
        Assert.Null(MigrationLock.LockFile("Data Source=shared;Mode=Memory;Cache=Shared"));
        Assert.Equal(Path.GetFullPath("market.db") + ".migrations.lock", MigrationLock.LockFile("Data Source=market.db"));
    }

    /// <summary>What the runner before DbUp left behind: its journal table, rows named module:file, the scripts applied.</summary>
    private async Task MigrateAsTheHomeMadeRunnerDid(IEnumerable<MigrationRunner.Script> scripts)
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync(Cancel);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
        foreach (var script in scripts)
        {
            await connection.ExecuteAsync(script.Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, @AppliedAt);", new { script.Id, AppliedAt = DateTimeOffset.UtcNow });
        }
    }

    // A database object of its own, as a replica has: runners meet only in the file.
    private MigrationRunner Runner(ExecutedScripts log) => new(new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal()), log);

    private async Task<List<string>> JournalAsync()
    {
        await using var connection = await _database.OpenAsync(Cancel);
        return (await connection.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id;")).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _database.OpenAsync(Cancel);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm", _file + ".migrations.lock" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The scripts DbUp reports executing, read from its log.</summary>
    private sealed class ExecutedScripts : ILogger<MigrationRunner>
    {
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names { get { lock (_names) { return _names.ToList(); } } }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            const string executing = "Executing Database Server script '";
            var message = formatter(state, exception);
            if (message.StartsWith(executing, StringComparison.Ordinal))
            {
                lock (_names)
                {
                    _names.Add(message[executing.Length..message.LastIndexOf('\'')]);
                }
            }
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);
    }
}
