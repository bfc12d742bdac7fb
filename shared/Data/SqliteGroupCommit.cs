using System.Data.Common;

namespace EcosystemMarket.Data;

/// <summary>
/// SQLite has one writer at a time and each commit waits for the disk. Units of work of this process take
/// turns here (rather than meeting SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps and retries), and
/// the units that queue up while one writes join its transaction, each in a savepoint of its own, to be
/// committed together: one disk flush for the group. A unit's commit returns only once the group is
/// durable, so a consumer acknowledges its message only after its changes are on disk; a unit that ends
/// without committing rolls back to its savepoint and leaves the others' work alone; a group whose commit
/// fails fails every unit in it, and their messages are retried.
/// </summary>
internal sealed class SqliteGroupCommit(Database database)
{
    private const int MaxGroupSize = 100;
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _queued;
    private Group? _open;

    public async Task<WriteTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await TakeTurnAsync(cancellationToken);
        Group? group = null;
        try
        {
            group = _open ??= await Group.BeginAsync(database, cancellationToken);
            var savepoint = $"unit{++group.Units}";
            await group.Transaction.SaveAsync(savepoint, cancellationToken);
            return new GroupedWriteTransaction(this, group, savepoint);
        }
        catch (Exception exception)
        {
            if (group is not null)
            {
                await EndGroupAsync(group, exception);
            }
            else
            {
                _turn.Release();
            }
            throw;
        }
    }

    /// <summary>Ends a unit's turn: its savepoint released (kept) or rolled back; then the group either waits for the units queued behind it or commits.</summary>
    private async Task EndTurnAsync(Group group, string savepoint, bool keep, bool enqueued)
    {
        try
        {
            if (keep)
            {
                await group.Transaction.ReleaseAsync(savepoint);
                group.Enqueued |= enqueued;
            }
            else
            {
                await group.Transaction.RollbackAsync(savepoint);
                await group.Transaction.ReleaseAsync(savepoint);
            }
        }
        catch (Exception exception)
        {
            // The transaction is in a state we cannot vouch for: nothing in the group is committed.
            await EndGroupAsync(group, exception);
            throw;
        }

        if (Volatile.Read(ref _queued) > 0 && group.Units < MaxGroupSize)
        {
            // The commit queues behind the units already waiting, which join this group first.
            if (!group.CommitQueued)
            {
                group.CommitQueued = true;
                _ = CommitInTurnAsync(group);
            }
            _turn.Release();
        }
        else
        {
            await EndGroupAsync(group, failure: null);
        }
    }

    private async Task CommitInTurnAsync(Group group)
    {
        await TakeTurnAsync(CancellationToken.None);
        if (_open == group)
        {
            await EndGroupAsync(group, failure: null);
        }
        else
        {
            _turn.Release();
        }
    }

    /// <summary>Commits the group (or rolls it back when it failed), tells its units, and passes the turn on. Called holding the turn.</summary>
    private async Task EndGroupAsync(Group group, Exception? failure)
    {
        _open = null;
        try
        {
            if (failure is null)
            {
                await group.Transaction.CommitAsync();
                group.Durable.TrySetResult();
                if (group.Enqueued)
                {
                    database.OutboxSignal.Notify();
                }
            }
            else
            {
                group.Durable.TrySetException(failure);
            }
        }
        catch (Exception exception)
        {
            group.Durable.TrySetException(exception);
        }
        finally
        {
            await group.DisposeAsync();
            _turn.Release();
        }
    }

    private async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queued);
        try
        {
            if (!await _turn.WaitAsync(TurnTimeout, cancellationToken))
            {
                throw new TimeoutException($"No write transaction became free within {TurnTimeout.TotalSeconds} s.");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private sealed class Group(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public DbConnection Connection => connection;
        public DbTransaction Transaction => transaction;
        public int Units { get; set; }
        public bool Enqueued { get; set; }
        public bool CommitQueued { get; set; }
        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<Group> BeginAsync(Database database, CancellationToken cancellationToken)
        {
            var connection = await database.OpenAsync(cancellationToken);
            try
            {
                // BEGIN IMMEDIATE: the write lock is taken up front, not on the first write.
                return new Group(connection, await connection.BeginTransactionAsync(cancellationToken));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private sealed class GroupedWriteTransaction(SqliteGroupCommit owner, Group group, string savepoint) : WriteTransaction
    {
        public override DbConnection Connection => group.Connection;
        public override DbTransaction Transaction => group.Transaction;

        public override async Task CommitAsync(bool enqueued, CancellationToken cancellationToken)
        {
            await owner.EndTurnAsync(group, savepoint, keep: true, enqueued);
            await group.Durable.Task;
        }

        public override async ValueTask RollbackAsync() => await owner.EndTurnAsync(group, savepoint, keep: false, enqueued: false);
    }
}
