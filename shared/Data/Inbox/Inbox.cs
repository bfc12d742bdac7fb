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
    private static readonly SqlText InsertUnlessHandled = SqlText.Portable("""
        INSERT INTO inbox_messages (message_id, consumer, handled_at)
        SELECT @MessageId, @Consumer, @HandledAt
        WHERE NOT EXISTS (SELECT 1 FROM inbox_messages WHERE message_id = @MessageId AND consumer = @Consumer);
        """);

    /// <returns>true when the message was handled now, false when it had been handled before.</returns>
    public async Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<UnitOfWork, Task> handle, CancellationToken cancellationToken = default)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var recorded = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(InsertUnlessHandled),
            new { MessageId = messageId, Consumer = consumer, HandledAt = DateTimeOffset.UtcNow }, unit.Transaction, cancellationToken: cancellationToken));
        if (recorded == 0)
        {
            return false;
        }

        await handle(unit);
        await unit.CommitAsync(cancellationToken);
        return true;
    }
}
