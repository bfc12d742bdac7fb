using System.Data.Common;
using EcosystemMarket.Data.Audit;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.ServiceDefaults.Audit;

namespace EcosystemMarket.Data;

/// <summary>
/// A local transaction whose integration events are written to the outbox table in the same transaction,
/// so a change and the events announcing it are committed together or not at all. Ended without a commit,
/// its changes are undone. Each change it makes is recorded in the audit log (<see cref="Audit"/>), in the same transaction.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly Database _database;
    private readonly WriteTransaction _write;
    private readonly List<(AuditEntry Entry, string? Details)> _audit = [];
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

    /// <summary>
    /// Records a change in the append-only audit log, as made now by the current actor (<see cref="AuditContext"/>) in the
    /// current request. Written with the unit's commit, so the entry exists exactly when the change does.
    /// </summary>
    /// <param name="action">What happened, e.g. <c>opportunity.posted</c>.</param>
    /// <param name="parties">The partner organisations the change concerns: each reads it in its log.</param>
    /// <param name="vendorId">The vendor program the change belongs to, if any: its vendor reads it.</param>
    /// <param name="details">What a reader needs beyond the action, e.g. the new status or amount (kept as JSON).</param>
    public void Audit(string action, string subjectType, object subjectId, IEnumerable<Guid>? parties = null, string? vendorId = null, object? details = null) =>
        _audit.Add((AuditEntry.Now(action, subjectType, Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture)!, parties, vendorId),
            details is null ? null : System.Text.Json.JsonSerializer.Serialize(details, AuditEntry.Json)));

    /// <summary>Returns once the changes are durable; the outbox dispatcher is woken when events were written.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            throw new InvalidOperationException("The unit of work has ended already.");
        }
        if (_audit.Count > 0)
        {
            await AuditLog.WriteAsync(this, _audit, cancellationToken);
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
