using Dapper;

namespace EcosystemMarket.Data.Inbox;

/// <summary>
/// Makes a consumer idempotent: the message id is recorded in the same transaction as the consumer's
/// changes, so a redelivered message finds its id and changes nothing. Two concurrent deliveries of one
/// message collide on the primary key; the loser's transaction rolls back and its retry finds the id.
/// (On SQLite, the units of one process take turns, so the second simply finds the first's id.)
/// </summary>
public sealed class Inbox(Database database)
{
    private static readonly SqlText SelectHandled = SqlText.Portable(
        "SELECT message_id FROM inbox_messages WHERE consumer = @Consumer AND message_id IN @MessageIds;");

    private static readonly SqlText Insert = SqlText.Portable(
        "INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@MessageId, @Consumer, @HandledAt);");

    /// <returns>true when the message was handled now, false when it had been handled before.</returns>
    public async Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<UnitOfWork, Task> handle, CancellationToken cancellationToken = default) =>
        (await HandleEachOnceAsync([messageId], consumer, (unit, _) => handle(unit), cancellationToken)).Count == 1;

    /// <summary>
    /// Handles a batch of messages in one transaction: <paramref name="handle"/> gets the ids not handled
    /// before (each once, however often it is in the batch) and is not called when there are none.
    /// Each statement is prepared once for the batch, not once per message.
    /// </summary>
    /// <returns>The ids handled now.</returns>
    public async Task<IReadOnlySet<Guid>> HandleEachOnceAsync(IEnumerable<Guid> messageIds, string consumer,
        Func<UnitOfWork, IReadOnlySet<Guid>, Task> handle, CancellationToken cancellationToken = default)
    {
        var fresh = messageIds.ToHashSet();
        await using var unit = await database.BeginAsync(cancellationToken);
        foreach (var ids in fresh.Chunk(SqlText.MaxListItems).ToList())
        {
            fresh.ExceptWith(await unit.Connection.QueryAsync<Guid>(new CommandDefinition(unit.Sql(SelectHandled),
                new { Consumer = consumer, MessageIds = ids.Select(id => id.ToString("D")).ToList() }, unit.Transaction, cancellationToken: cancellationToken)));
        }
        if (fresh.Count == 0)
        {
            return fresh;
        }

        var now = DateTimeOffset.UtcNow;
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(Insert),
            fresh.Select(id => new { MessageId = id, Consumer = consumer, HandledAt = now }).ToList(), unit.Transaction, cancellationToken: cancellationToken));
        await handle(unit, fresh);
        await unit.CommitAsync(cancellationToken);
        return fresh;
    }
}
