using System.Data.Common;
using EcosystemMarket.Data.Outbox;

namespace EcosystemMarket.Data;

/// <summary>
/// A local transaction whose integration events are written to the outbox table in the same transaction,
/// so a change and the events announcing it are committed together or not at all. Ended without a commit,
/// its changes are undone.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly Database _database;
    private readonly WriteTransaction _write;
    private bool _enqueued;
    private int _ended;

    internal UnitOfWork(Database database, WriteTransaction write)
    {
        _database = database;
        _write = write;
    }

    public DbConnection Connection => _write.Connection;
    public DbTransaction Transaction => _write.Transaction;

    public string Sql(SqlText text) => _database.Sql(text);

    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken = default) where T : class
    {
        await OutboxStore.EnqueueAsync(this, message, cancellationToken);
        _enqueued = true;
    }

    /// <summary>Returns once the changes are durable; the outbox dispatcher is woken when events were written.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            throw new InvalidOperationException("The unit of work has ended already.");
        }
        await _write.CommitAsync(_enqueued, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            await _write.RollbackAsync();
        }
    }
}
