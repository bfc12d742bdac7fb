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
/// Replicas of a service share the table: each claims a batch for a lease before publishing it and marks only
/// the rows it still holds, so a row is published by one of them (again only when its holder died or overran
/// its lease). A row that fails <see cref="OutboxOptions.MaxAttempts"/> times is parked.
/// </summary>
public sealed class OutboxDispatcher(Database database, IBus bus, ILogger<OutboxDispatcher> logger, OutboxOptions? options = null, TimeProvider? clock = null)
    : BackgroundService
{
    /// <summary>The dispatcher's spans, each a child of the request that wrote the row, so a trace follows an event from request to consumers.</summary>
    public static readonly ActivitySource ActivitySource = new("EcosystemMarket.Outbox");

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly OutboxOptions _options = options ?? new OutboxOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string DispatcherId => _options.DispatcherId;

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
                else if (published < _options.BatchSize)
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

    /// <summary>Claims a batch, publishes it and records each row's outcome; returns how many were confirmed and how many failed.</summary>
    public async Task<(int Published, int Failed)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var claim = new OutboxClaim(_options.DispatcherId, now, now + _options.LeaseDuration);
        var rows = await ClaimAsync(claim, cancellationToken);
        if (rows.Count == 0)
        {
            return (0, 0);
        }

        // Publishing the batch concurrently keeps many confirms in flight; consumers must not rely on
        // the order of events, which they do not (snapshots carry versions, the rest is keyed by id).
        var results = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var sent = rows.Where((_, i) => results[i] is null).ToList();
        var failed = rows.Select((row, i) => (Row: row, Error: results[i])).Where(r => r.Error is not null).Select(r => (r.Row, r.Error!)).ToList();
        var parked = await RecordAsync(claim, sent, failed, cancellationToken);

        foreach (var row in sent)
        {
            OutboxMetrics.Published.Add(1, new KeyValuePair<string, object?>(OutboxMetrics.MessageTypeTag, ShortName(row.MessageType)));
        }
        foreach (var (row, error) in parked)
        {
            OutboxMetrics.Parked.Add(1, new KeyValuePair<string, object?>(OutboxMetrics.MessageTypeTag, ShortName(row.MessageType)));
            logger.LogError("Outbox message {MessageId} ({MessageType}) parked after {Attempts} failed attempts; last error: {Error}",
                row.MessageId, row.MessageType, row.Attempts + 1, error);
        }
        return (sent.Count, failed.Count);
    }

    private async Task<List<OutboxRow>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<OutboxRow>(new CommandDefinition(unit.Sql(OutboxStore.Claim),
            new { claim.Me, claim.Now, claim.Until, Take = _options.BatchSize }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        // The rows a claim returns come in no particular order; they are published in the order they were written.
        return rows.OrderBy(row => row.Sequence).ToList();
    }

    /// <summary>Marks the rows still held sent or failed, in one transaction; returns the failed rows it parked.</summary>
    private async Task<List<(OutboxRow Row, string Error)>> RecordAsync(OutboxClaim claim, List<OutboxRow> sent, List<(OutboxRow Row, string Error)> failed, CancellationToken cancellationToken)
    {
        var parked = new List<(OutboxRow, string)>();
        var now = _clock.GetUtcNow();
        await using var unit = await database.BeginAsync(cancellationToken);
        if (sent.Count > 0)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OutboxStore.MarkSent),
                new { SentAt = now, Sequences = sent.Select(r => r.Sequence).ToList(), claim.Me, claim.Until }, unit.Transaction, cancellationToken: cancellationToken));
        }
        foreach (var (row, error) in failed)
        {
            var marked = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OutboxStore.MarkFailed), new
            {
                row.Sequence, Error = error[..Math.Min(error.Length, 2000)], RetryAt = now + _options.BackoffAfter(row.Attempts + 1),
                _options.MaxAttempts, Now = now, claim.Me, claim.Until,
            }, unit.Transaction, cancellationToken: cancellationToken));
            if (marked == 1 && row.Attempts + 1 >= _options.MaxAttempts)
            {
                parked.Add((row, error));
            }
        }
        await unit.CommitAsync(cancellationToken);
        return parked;
    }

    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        // While the broker is away MassTransit holds a publish until it reconnects; past the timeout the row
        // counts as failed and is tried again, so a publish that never completes cannot stall the outbox.
        using var activity = ActivitySource.StartActivity($"outbox dispatch {ShortName(row.MessageType)}", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
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
            return exception is OperationCanceledException ? $"Not confirmed within {_options.PublishTimeout.TotalSeconds} s" : exception.Message;
        }
    }

    private static string ShortName(string assemblyQualifiedName) =>
        assemblyQualifiedName.Split(',')[0] is var fullName && fullName.LastIndexOf('.') is var dot and >= 0 ? fullName[(dot + 1)..] : assemblyQualifiedName;
}
