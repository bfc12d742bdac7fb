using System.Diagnostics;
using System.Text.Json;
using Dapper;

namespace EcosystemMarket.Data.Outbox;

internal static class OutboxStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO outbox_messages (message_id, message_type, body, created_at, attempts, trace_parent)
        VALUES (@MessageId, @MessageType, @Body, @CreatedAt, 0, @TraceParent);
        """);

    public static readonly SqlText SelectUnsent = new(
        Sqlite: """
            SELECT sequence, message_id AS MessageId, message_type AS MessageType, body, trace_parent AS TraceParent
            FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT @Take;
            """,
        SqlServer: """
            SELECT TOP (@Take) sequence, message_id AS MessageId, message_type AS MessageType, body, trace_parent AS TraceParent
            FROM dbo.outbox_messages WHERE sent_at IS NULL ORDER BY sequence;
            """);

    public static readonly SqlText MarkSent = SqlText.Portable("UPDATE outbox_messages SET sent_at = @SentAt, attempts = attempts + 1 WHERE sequence IN @Sequences;");

    public static readonly SqlText MarkFailed = SqlText.Portable("UPDATE outbox_messages SET attempts = attempts + 1, last_error = @Error WHERE sequence = @Sequence;");

    public static async Task EnqueueAsync<T>(UnitOfWork unit, T message, CancellationToken cancellationToken) where T : class
    {
        var type = message.GetType();
        var row = new
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            CreatedAt = DateTimeOffset.UtcNow,
            TraceParent = Activity.Current?.Id,
        };
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(Insert), row, unit.Transaction, cancellationToken: cancellationToken));
    }
}

internal sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent);
