using Dapper;

namespace EcosystemMarket.Data.Inbox;

/// <summary>
/// Makes a consumer idempotent: the message id is recorded in the same transaction as the consumer's
/// changes, so a redelivered message finds its id and changes nothing. Two concurrent deliveries of one
/// message collide on the primary key; the loser's transaction rolls back and its retry finds the id.
/// </summary>
public sealed class Inbox(Database database)
{
    private static readonly SqlText Exists = SqlText.Portable("SELECT COUNT(1) FROM inbox_messages WHERE message_id = @MessageId AND consumer = @Consumer;");
    private static readonly SqlText Insert = SqlText.Portable("INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@MessageId, @Consumer, @HandledAt);");

    /// <returns>true when the message was handled now, false when it had been handled before.</returns>
    public async Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<UnitOfWork, Task> handle, CancellationToken cancellationToken = default)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var key = new { MessageId = messageId, Consumer = consumer };
        var seen = await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(unit.Sql(Exists), key, unit.Transaction, cancellationToken: cancellationToken));
        if (seen > 0)
        {
            return false;
        }

        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(Insert),
            new { key.MessageId, key.Consumer, HandledAt = DateTimeOffset.UtcNow }, unit.Transaction, cancellationToken: cancellationToken));
        await handle(unit);
        await unit.CommitAsync(cancellationToken);
        return true;
    }
}
