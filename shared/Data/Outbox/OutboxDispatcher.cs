using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.Data.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker and marks them sent only after the broker confirmed them
/// (MassTransit waits for RabbitMQ publisher confirms). A crash between the two republishes the row with the
/// same message id, which consumers' inboxes recognise: delivery is at least once, handling exactly once.
/// </summary>
public sealed class OutboxDispatcher(Database database, IBus bus, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The dispatcher's spans, each a child of the request that wrote the row, so a trace follows an event from request to consumers.</summary>
    public static readonly ActivitySource ActivitySource = new("EcosystemMarket.Outbox");

    private const int BatchSize = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    // Resolving an assembly-qualified name asks the assembly loader each time: a sixth of the dispatcher's CPU.
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await DispatchBatchAsync(stoppingToken);
                if (failed > 0)
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                else if (published < BatchSize)
                {
                    await database.OutboxSignal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox dispatch failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<(int Published, int Failed)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        List<OutboxRow> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
                database.Sql(OutboxStore.SelectUnsent), new { Take = BatchSize }, cancellationToken: cancellationToken))).ToList();
        }
        if (rows.Count == 0)
        {
            return (0, 0);
        }

        // Publishing the batch concurrently keeps many confirms in flight; consumers must not rely on
        // the order of events, which they do not (snapshots carry versions, the rest is keyed by id).
        var results = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var sent = rows.Where((_, i) => results[i] is null).Select(r => r.Sequence).ToList();
        var failed = rows.Select((row, i) => (row.Sequence, Error: results[i])).Where(r => r.Error is not null).ToList();

        await using var unit = await database.BeginAsync(cancellationToken);
        if (sent.Count > 0)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OutboxStore.MarkSent),
                new { SentAt = DateTimeOffset.UtcNow, Sequences = sent }, unit.Transaction, cancellationToken: cancellationToken));
        }
        foreach (var (sequence, error) in failed)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OutboxStore.MarkFailed),
                new { Sequence = sequence, Error = error![..Math.Min(error!.Length, 2000)] }, unit.Transaction, cancellationToken: cancellationToken));
        }
        await unit.CommitAsync(cancellationToken);
        return (sent.Count, failed.Count);
    }

    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        // While the broker is away MassTransit holds a publish until it reconnects; past the timeout the row
        // counts as failed and is tried again, so a publish that never completes cannot stall the outbox.
        using var activity = ActivitySource.StartActivity($"outbox dispatch {ShortName(row.MessageType)}", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            var type = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: true)!);
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxStore.Json)!;
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            logger.LogWarning(exception, "Publishing outbox message {MessageId} ({MessageType}) failed", row.MessageId, row.MessageType);
            return exception is OperationCanceledException ? $"Not confirmed within {PublishTimeout.TotalSeconds} s" : exception.Message;
        }
    }

    private static string ShortName(string assemblyQualifiedName) =>
        assemblyQualifiedName.Split(',')[0] is var fullName && fullName.LastIndexOf('.') is var dot and >= 0 ? fullName[(dot + 1)..] : assemblyQualifiedName;
}
