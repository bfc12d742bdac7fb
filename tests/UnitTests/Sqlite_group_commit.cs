using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.Data.Outbox;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.UnitTests;

/// <summary>Units of work on SQLite that queue up are committed together; each keeps the all-or-nothing of its own.</summary>
public sealed class Sqlite_group_commit : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-group-commit-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE facts (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE inbox_messages (message_id TEXT NOT NULL, consumer TEXT NOT NULL, handled_at TEXT NOT NULL, PRIMARY KEY (message_id, consumer));
            """);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<string>> CommittedNamesAsync()
    {
        // A connection of its own sees only what is committed.
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        return (await connection.QueryAsync<string>("SELECT name FROM facts ORDER BY name;")).ToList();
    }

    private async Task InsertAsync(UnitOfWork unit, string name) =>
        await unit.Connection.ExecuteAsync("INSERT INTO facts (name) VALUES (@name);", new { name }, unit.Transaction);

    [Fact]
    public async Task A_unit_is_durable_when_its_commit_returns_however_many_commit_at_once()
    {
        var seenAtCommit = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            await using var unit = await _database.BeginAsync(TestContext.Current.CancellationToken);
            await InsertAsync(unit, $"fact-{i:D2}");
            await unit.CommitAsync(TestContext.Current.CancellationToken);
            return (await CommittedNamesAsync()).Contains($"fact-{i:D2}");
        }));

        Assert.All(seenAtCommit, Assert.True);
        Assert.Equal(50, (await CommittedNamesAsync()).Count);
    }

    [Fact]
    public async Task A_unit_that_ends_without_a_commit_takes_back_only_its_own_changes()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var unit = await _database.BeginAsync(TestContext.Current.CancellationToken);
            await InsertAsync(unit, $"fact-{i:D2}");
            if (i % 2 == 0)
            {
                await unit.CommitAsync(TestContext.Current.CancellationToken);
            }
        }));

        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 2 == 0).Select(i => $"fact-{i:D2}"), await CommittedNamesAsync());
    }

    [Fact]
    public async Task A_unit_whose_statement_fails_loses_all_of_its_changes_and_nothing_of_the_others()
    {
        await using (var first = await _database.BeginAsync(TestContext.Current.CancellationToken))
        {
            await InsertAsync(first, "taken");
            await first.CommitAsync(TestContext.Current.CancellationToken);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await using var unit = await _database.BeginAsync(TestContext.Current.CancellationToken);
                await InsertAsync(unit, $"fact-{i}");
                await InsertAsync(unit, i == 5 ? "taken" : $"other-{i}");
                await unit.CommitAsync(TestContext.Current.CancellationToken);
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }));

        Assert.Equal(9, results.Count(ok => ok));
        var names = await CommittedNamesAsync();
        Assert.DoesNotContain("fact-5", names);
        Assert.Equal(1 + 9 * 2, names.Count);
    }

    [Fact]
    public async Task The_same_message_handled_by_many_units_at_once_is_handled_once()
    {
        var inbox = new Inbox(_database);
        var messageId = Guid.NewGuid();

        var handled = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            inbox.HandleOnceAsync(messageId, "consumer", unit => InsertAsync(unit, $"fact-{i:D2}"), TestContext.Current.CancellationToken)));

        Assert.Single(handled, h => h);
        Assert.Single(await CommittedNamesAsync());
    }

    [Fact]
    public async Task A_batch_hands_on_only_the_messages_not_handled_before_each_once_and_asks_for_long_lists_in_chunks()
    {
        var inbox = new Inbox(_database);
        var before = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        await inbox.HandleEachOnceAsync(before, "consumer", (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken);
        // More ids than one list parameter takes (SQL Server's limit), each new one twice, and the three handled before.
        var fresh = Enumerable.Range(0, SqlText.MaxListItems + 500).Select(_ => Guid.NewGuid()).ToList();

        IReadOnlySet<Guid>? handedOn = null;
        var handled = await inbox.HandleEachOnceAsync([.. fresh, .. fresh, .. before], "consumer", async (unit, ids) =>
        {
            handedOn = ids;
            await InsertAsync(unit, "batch");
        }, TestContext.Current.CancellationToken);

        Assert.Equal(fresh.ToHashSet(), handled);
        Assert.Equal(fresh.ToHashSet(), handedOn);
        Assert.Empty(await inbox.HandleEachOnceAsync(fresh, "consumer", (_, _) => throw new InvalidOperationException("handled again"), TestContext.Current.CancellationToken));
        Assert.Single(await CommittedNamesAsync());
    }
}
