using Dapper;
using EcosystemMarket.Data.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.Data.Retention;

/// <summary>
/// Deletes sent outbox rows older than <see cref="OutboxOptions.Retention"/> and handled inbox ids older than
/// <see cref="OutboxOptions.InboxRetention"/>, a small batch per transaction so writers never wait long. Every
/// replica purges: deleting a row twice deletes nothing the second time, so they need not agree on who does it.
/// Parked and unsent rows are never purged.
/// </summary>
public sealed class MessageRetention(Database database, ILogger<MessageRetention> logger, OutboxOptions? options = null, TimeProvider? clock = null)
    : BackgroundService
{
    private static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(50);
    private readonly OutboxOptions _options = options ?? new OutboxOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly SqlText DeleteSentOutbox = new(
        Sqlite: """
            DELETE FROM outbox_messages WHERE sequence IN (
                SELECT sequence FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Before ORDER BY sent_at LIMIT @Take);
            """,
        SqlServer: "DELETE TOP (@Take) FROM dbo.outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Before;");

    private static readonly SqlText DeleteHandledInbox = new(
        Sqlite: """
            DELETE FROM inbox_messages WHERE rowid IN (
                SELECT rowid FROM inbox_messages WHERE handled_at < @Before ORDER BY handled_at LIMIT @Take);
            """,
        SqlServer: "DELETE TOP (@Take) FROM dbo.inbox_messages WHERE handled_at < @Before;");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (outbox, inbox) = await PurgeAsync(stoppingToken);
                if (outbox + inbox > 0)
                {
                    logger.LogInformation("Purged {Outbox} sent outbox rows and {Inbox} inbox rows", outbox, inbox);
                }
                await Task.Delay(_options.PurgeInterval, _clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Purging old outbox and inbox rows failed; trying again in {Interval}", _options.PurgeInterval);
                await Task.Delay(_options.PurgeInterval, _clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Purges everything past its retention now; returns how many outbox and inbox rows it deleted.</summary>
    public async Task<(int Outbox, int Inbox)> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var outbox = await PurgeAsync(DeleteSentOutbox, now - _options.Retention, cancellationToken);
        var inbox = await PurgeAsync(DeleteHandledInbox, now - _options.InboxRetention, cancellationToken);
        return (outbox, inbox);
    }

    private async Task<int> PurgeAsync(SqlText delete, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var unit = await database.BeginAsync(cancellationToken);
            var deleted = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(delete),
                new { Before = before, Take = _options.PurgeBatchSize }, unit.Transaction, cancellationToken: cancellationToken));
            await unit.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < _options.PurgeBatchSize)
            {
                return total;
            }
            await Task.Delay(PauseBetweenBatches, cancellationToken);
        }
    }
}
