using Dapper;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.TestSupport;

/// <summary>What a service's outbox (shared/Data's outbox_messages table in its SQLite file) holds, read beside the running service.</summary>
public static class OutboxTable
{
    public sealed record Counts(long Unsent, long FailedOnce);

    /// <param name="messageType">Only rows of this message type (its full name), or all rows when null.</param>
    public static async Task<Counts> CountAsync(string databasePath, Type? messageType = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<Counts>(new CommandDefinition("""
            SELECT COALESCE(SUM(sent_at IS NULL), 0) AS Unsent, COALESCE(SUM(last_error IS NOT NULL), 0) AS FailedOnce
            FROM outbox_messages WHERE @Type IS NULL OR message_type LIKE @Type || ',%';
            """, new { Type = messageType?.FullName }, cancellationToken: cancellationToken));
    }

    /// <summary>The bodies (JSON) of every row of this message type, sent or not: what a service decided to publish.</summary>
    public static async Task<IReadOnlyList<string>> BodiesAsync(string databasePath, Type messageType, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT body FROM outbox_messages WHERE message_type LIKE @Type || ',%' ORDER BY sequence;",
            new { Type = messageType.FullName }, cancellationToken: cancellationToken))).ToList();
    }
}
