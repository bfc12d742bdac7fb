using System.Data.Common;
using System.Text.Json;
using Dapper;
using EcosystemMarket.ServiceDefaults.Idempotency;

namespace EcosystemMarket.Data.Idempotency;

/// <summary>
/// Idempotency keys in the service's own database (<c>idempotency_keys</c>). A claim is committed before its request
/// runs, so a concurrent request with the key finds it; on SQL Server two replicas inserting one key at once collide on
/// the primary key and the loser reads the winner's row.
/// </summary>
public sealed class IdempotencyStore(Database database) : IIdempotencyStore
{
    private static readonly SqlText InsertUnlessClaimed = SqlText.Portable("""
        INSERT INTO idempotency_keys (caller, idempotency_key, method, path, request_hash, created_at, locked_at)
        SELECT @Caller, @Key, @Method, @Path, @RequestHash, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE caller = @Caller AND idempotency_key = @Key);
        """);

    private static readonly SqlText Select = SqlText.Portable("""
        SELECT method AS Method, path AS Path, request_hash AS RequestHash, locked_at AS LockedAt, response_status AS ResponseStatus,
            response_headers AS ResponseHeaders, response_body AS ResponseBody
        FROM idempotency_keys WHERE caller = @Caller AND idempotency_key = @Key;
        """);

    private static readonly SqlText TakeOver = SqlText.Portable("""
        UPDATE idempotency_keys SET locked_at = @Now
        WHERE caller = @Caller AND idempotency_key = @Key AND response_status IS NULL AND locked_at = @LockedAt;
        """);

    private static readonly SqlText Complete = SqlText.Portable("""
        UPDATE idempotency_keys
        SET response_status = @Status, response_headers = @Headers, response_body = @Body, completed_at = @Now, locked_at = NULL
        WHERE caller = @Caller AND idempotency_key = @Key;
        """);

    private static readonly SqlText Release = SqlText.Portable(
        "DELETE FROM idempotency_keys WHERE caller = @Caller AND idempotency_key = @Key AND response_status IS NULL;");

    private static readonly SqlText Purge = SqlText.Portable("DELETE FROM idempotency_keys WHERE created_at < @CreatedBefore;");

    public async Task<ExistingKey?> ClaimAsync(string caller, string key, RequestFingerprint request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new { Caller = caller, Key = key, request.Method, request.Path, RequestHash = request.BodyHash, Now = now };
        try
        {
            await using var unit = await database.BeginAsync(cancellationToken);
            var claimed = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(InsertUnlessClaimed), claim, unit.Transaction, cancellationToken: cancellationToken)) == 1;
            // Read in the same unit: on SQLite, units that queue up share one transaction (group commit), so the claim
            // that stopped this insert may not be committed yet, and another connection would not see it.
            var existing = claimed ? null : await FindAsync(unit.Connection, unit.Transaction, caller, key, cancellationToken);
            await unit.CommitAsync(cancellationToken);
            return claimed ? null : existing ?? throw new InvalidOperationException($"Idempotency key {key} was neither claimed nor found.");
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another replica inserted the key between our NOT EXISTS and our INSERT: its row stands.
            if (await FindAsync(caller, key, cancellationToken) is { } raced)
            {
                return raced;
            }
            throw;
        }
    }

    public async Task<bool> TakeOverAsync(string caller, string key, DateTimeOffset lockedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(TakeOver, new { Caller = caller, Key = key, LockedAt = lockedAt, Now = now }, cancellationToken) == 1;

    public Task CompleteAsync(string caller, string key, StoredAnswer answer, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(Complete, new
        {
            Caller = caller, Key = key, answer.Status, Headers = JsonSerializer.Serialize(answer.Headers), answer.Body, Now = now,
        }, cancellationToken);

    public Task ReleaseAsync(string caller, string key, CancellationToken cancellationToken) =>
        ExecuteAsync(Release, new { Caller = caller, Key = key }, cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(Purge, new { CreatedBefore = createdBefore }, cancellationToken);

    private async Task<ExistingKey?> FindAsync(string caller, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, caller, key, cancellationToken);
    }

    private async Task<ExistingKey?> FindAsync(DbConnection connection, DbTransaction? transaction, string caller, string key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(database.Sql(Select),
            new { Caller = caller, Key = key }, transaction, cancellationToken: cancellationToken));
        return row?.ToExistingKey();
    }

    private async Task<int> ExecuteAsync(SqlText sql, object parameters, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var changed = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(sql), parameters, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return changed;
    }

    private sealed class KeyRow
    {
        public string Method { get; init; } = "";
        public string Path { get; init; } = "";
        public string RequestHash { get; init; } = "";
        public DateTimeOffset? LockedAt { get; init; }
        public long? ResponseStatus { get; init; }
        public string? ResponseHeaders { get; init; }
        public byte[]? ResponseBody { get; init; }

        public ExistingKey ToExistingKey() => new(
            new RequestFingerprint(Method, Path, RequestHash),
            ResponseStatus is { } status
                ? new StoredAnswer((int)status, JsonSerializer.Deserialize<Dictionary<string, string>>(ResponseHeaders ?? "{}")!, ResponseBody ?? [])
                : null,
            LockedAt);
    }
}
