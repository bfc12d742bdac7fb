using System.Data.Common;
using EcosystemMarket.Data.Outbox;

namespace EcosystemMarket.Data;

/// <summary>
/// A local transaction whose integration events are written to the outbox table in the same transaction,
/// so a change and the events announcing it are committed together or not at all.
/// </summary>
public sealed class UnitOfWork(Database database, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private bool _enqueued;
    private int _disposed;

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    public string Sql(SqlText text) => database.Sql(text);

    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken = default) where T : class
    {
        await OutboxStore.EnqueueAsync(this, message, cancellationToken);
        _enqueued = true;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        if (_enqueued)
        {
            database.OutboxSignal.Notify();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            database.EndWrite();
        }
    }
}
