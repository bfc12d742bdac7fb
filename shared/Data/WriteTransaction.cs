using System.Data.Common;

namespace EcosystemMarket.Data;

/// <summary>Where a unit of work writes, and how its work is made durable or undone.</summary>
internal abstract class WriteTransaction
{
    public abstract DbConnection Connection { get; }
    public abstract DbTransaction Transaction { get; }

    /// <summary>Returns once the unit's changes are durable.</summary>
    public abstract Task CommitAsync(bool enqueued, CancellationToken cancellationToken);

    /// <summary>Undoes the unit's changes; called when the unit ends without a commit.</summary>
    public abstract ValueTask RollbackAsync();
}

/// <summary>A connection and a transaction of the unit's own (SQL Server, where writers do not queue for one lock).</summary>
internal sealed class DedicatedWriteTransaction(Database database, DbConnection connection, DbTransaction transaction) : WriteTransaction
{
    public override DbConnection Connection => connection;
    public override DbTransaction Transaction => transaction;

    public static async Task<WriteTransaction> BeginAsync(Database database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return new DedicatedWriteTransaction(database, connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task CommitAsync(bool enqueued, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await CloseAsync();
        }
        if (enqueued)
        {
            database.OutboxSignal.Notify();
        }
    }

    public override async ValueTask RollbackAsync() => await CloseAsync();

    private async ValueTask CloseAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
