using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Inbox;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.Data.Retention;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>Several dispatchers on one outbox table (replicas of a service) publish each row once; rows that keep failing are parked; old rows are purged.</summary>
public sealed class Outbox_replicas : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-outbox-replicas-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = NewDatabase();
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).MigrateAsync([typeof(Database).Assembly], Cancel);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm", _file + ".migrations.lock" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_publish_each_row_exactly_once_between_them()
    {
        var ids = await EnqueueAsync(600);
        // Each publish waits (at most a few seconds) until both replicas have published one: on a loaded machine
        // one replica could otherwise drain all before the other starts, and the test would prove nothing about sharing.
        var bothPublishing = new Rendezvous(2);
        var (first, second) = (new RecordingBroker(bothPublishing), new RecordingBroker(bothPublishing));
        // Each with a database of its own, as two processes have: their writes meet only in the file.
        var replicas = new[] { (NewDatabase(), first.Bus), (NewDatabase(), second.Bus) }
            .Select(r => new OutboxDispatcher(r.Item1, r.Item2, NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { BatchSize = 50 }))
            .ToList();
        Assert.NotEqual(replicas[0].DispatcherId, replicas[1].DispatcherId);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var draining = replicas.Select(replica => Task.Run(async () => { await start.Task; await DrainAsync(replica); }, Cancel)).ToList();
        start.SetResult();
        await Task.WhenAll(draining);

        var published = first.Ids.Concat(second.Ids).ToList();
        Assert.Equal(ids.Order(), published.Order());
        Assert.True(first.Ids.Count > 0 && second.Ids.Count > 0, $"One replica published everything: {first.Ids.Count} and {second.Ids.Count}.");
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;"));
    }

    [Fact]
    public async Task A_claim_whose_dispatcher_died_is_taken_over_once_its_lease_expires_with_the_same_message_id()
    {
        var ids = await EnqueueAsync(3);
        var lease = TimeSpan.FromSeconds(30);
        var dying = new OutboxDispatcher(_database, DispatchProxy.Create<IBus, HangingBroker>(), NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { LeaseDuration = lease });
        using (var death = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            death.CancelAfter(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.DispatchBatchAsync(death.Token));
        }

        var broker = new RecordingBroker();
        var now = new OutboxDispatcher(_database, broker.Bus, NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { LeaseDuration = lease });
        Assert.Equal((0, 0), await now.DispatchBatchAsync(Cancel));
        Assert.Empty(broker.Ids);

        var later = new OutboxDispatcher(_database, broker.Bus, NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { LeaseDuration = lease },
            new ShiftedClock(lease + TimeSpan.FromSeconds(1)));
        Assert.Equal((3, 0), await later.DispatchBatchAsync(Cancel));
        Assert.Equal(ids.Order(), broker.Ids.Order());
        Assert.Equal([later.DispatcherId], await QueryAsync<string>("SELECT DISTINCT claimed_by FROM outbox_messages;"));
    }

    [Fact]
    public async Task A_row_that_fails_max_attempts_times_is_parked_with_its_last_error_and_counted()
    {
        var parked = new ConcurrentBag<string>();
        using var listener = ListenToParked(parked);
        var id = (await EnqueueAsync(1)).Single();
        var broker = DispatchProxy.Create<IBus, Outbox_dispatcher.FlakyBroker>();
        ((Outbox_dispatcher.FlakyBroker)(object)broker).Failures = int.MaxValue;
        var dispatcher = new OutboxDispatcher(_database, broker, NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { MaxAttempts = 3, RetryBackoff = TimeSpan.Zero });

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal((0, 1), await dispatcher.DispatchBatchAsync(Cancel));
        }
        Assert.Equal((0, 0), await dispatcher.DispatchBatchAsync(Cancel));

        await using var connection = await _database.OpenAsync(Cancel);
        var row = await connection.QuerySingleAsync<(string MessageId, long Attempts, string? LastError, string? ParkedAt, string? SentAt)>(
            "SELECT message_id, attempts, last_error, parked_at, sent_at FROM outbox_messages;");
        Assert.Equal((id.ToString("D"), 3L, "broker unreachable", (string?)null), (row.MessageId, row.Attempts, row.LastError, row.SentAt));
        Assert.NotNull(row.ParkedAt);
        Assert.Equal(["OpportunityClosed"], parked);
    }

    [Fact]
    public async Task A_failed_row_waits_out_its_backoff_before_it_is_tried_again()
    {
        await EnqueueAsync(1);
        var broker = DispatchProxy.Create<IBus, Outbox_dispatcher.FlakyBroker>();
        ((Outbox_dispatcher.FlakyBroker)(object)broker).Failures = 1;
        var options = new OutboxOptions { RetryBackoff = TimeSpan.FromMinutes(1) };
        Assert.Equal((0, 1), await new OutboxDispatcher(_database, broker, NullLogger<OutboxDispatcher>.Instance, options).DispatchBatchAsync(Cancel));

        Assert.Equal((0, 0), await new OutboxDispatcher(_database, broker, NullLogger<OutboxDispatcher>.Instance, options).DispatchBatchAsync(Cancel));
        var afterBackoff = new OutboxDispatcher(_database, broker, NullLogger<OutboxDispatcher>.Instance, options, new ShiftedClock(TimeSpan.FromMinutes(2)));
        Assert.Equal((1, 0), await afterBackoff.DispatchBatchAsync(Cancel));
    }

    [Fact]
    public async Task The_purge_deletes_only_sent_outbox_rows_and_inbox_rows_past_their_retention()
    {
        var ids = await EnqueueAsync(5);
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync("UPDATE outbox_messages SET sent_at = @At WHERE message_id IN @Ids;", new { At = now.AddDays(-8), Ids = ids.Take(2).Select(i => i.ToString("D")) });
        await ExecuteAsync("UPDATE outbox_messages SET sent_at = @At WHERE message_id = @Id;", new { At = now.AddDays(-6), Id = ids[2].ToString("D") });
        await ExecuteAsync("UPDATE outbox_messages SET parked_at = @At, created_at = @At WHERE message_id = @Id;", new { At = now.AddDays(-30), Id = ids[3].ToString("D") });
        var inbox = new Inbox(_database);
        var handled = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var messageId in handled)
        {
            await inbox.HandleOnceAsync(messageId, "test", _ => Task.CompletedTask, Cancel);
        }
        await ExecuteAsync("UPDATE inbox_messages SET handled_at = @At WHERE message_id = @Id;", new { At = now.AddDays(-2), Id = handled[0].ToString("D") });
        await ExecuteAsync("UPDATE inbox_messages SET handled_at = @At WHERE message_id = @Id;", new { At = now.AddHours(-2), Id = handled[1].ToString("D") });

        // An inbox retention under a day is raised to one: a redelivery hours later must still be recognised.
        var retention = new MessageRetention(_database, NullLogger<MessageRetention>.Instance, new OutboxOptions { InboxRetention = TimeSpan.FromHours(1), PurgeBatchSize = 1 });
        Assert.Equal((2, 1), await retention.PurgeAsync(Cancel));

        Assert.Equal(ids.Skip(2).Select(i => i.ToString("D")).Order(), (await QueryAsync<string>("SELECT message_id FROM outbox_messages;")).Order());
        Assert.Equal(handled.Skip(1).Select(i => i.ToString("D")).Order(), (await QueryAsync<string>("SELECT message_id FROM inbox_messages;")).Order());
        Assert.Equal((0, 0), await retention.PurgeAsync(Cancel));
    }

    private Database NewDatabase() => new($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        // A replica sees an empty batch while the other holds the last rows: stop after a few empty rounds in a row.
        for (var empty = 0; empty < 5;)
        {
            var (published, failed) = await dispatcher.DispatchBatchAsync(Cancel);
            Assert.Equal(0, failed);
            empty = published == 0 ? empty + 1 : 0;
            await Task.Yield();
        }
    }

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var unit = await _database.BeginAsync(Cancel);
        for (var i = 0; i < count; i++)
        {
            await unit.PublishAsync(new OpportunityClosed { OpportunityId = Guid.NewGuid(), OwnerPartnerId = Guid.NewGuid(), Outcome = "lost", OccurredAt = DateTimeOffset.UtcNow }, Cancel);
        }
        await unit.CommitAsync(Cancel);
        return (await QueryAsync<string>("SELECT message_id FROM outbox_messages ORDER BY sequence;")).Select(Guid.Parse).ToList();
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await _database.OpenAsync(Cancel);
        await connection.ExecuteAsync(sql, parameters);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _database.OpenAsync(Cancel);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _database.OpenAsync(Cancel);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    private static MeterListener ListenToParked(ConcurrentBag<string> parked)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OutboxMetrics.MeterName && instrument.Name == "outbox.messages.parked")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == OutboxMetrics.MessageTypeTag)
                {
                    parked.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>Records the message ids it is given to publish, taking a moment for each as a broker's confirm does.</summary>
    private sealed class RecordingBroker
    {
        public RecordingBroker(Rendezvous? rendezvous = null)
        {
            Bus = DispatchProxy.Create<IBus, RecordingProxy>();
            ((RecordingProxy)(object)Bus).Ids = Ids;
            ((RecordingProxy)(object)Bus).Rendezvous = rendezvous;
        }

        public IBus Bus { get; }
        public ConcurrentQueue<Guid> Ids { get; } = new();
    }

    public class RecordingProxy : DispatchProxy
    {
        public ConcurrentQueue<Guid> Ids { get; set; } = new();
        public Rendezvous? Rendezvous { get; set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var context = DispatchProxy.Create<PublishContext, Outbox_dispatcher.MessageIdOnly>();
            foreach (var pipe in args!.OfType<IPipe<PublishContext>>())
            {
                pipe.Send(context).GetAwaiter().GetResult();
            }
            Ids.Enqueue(((Outbox_dispatcher.MessageIdOnly)(object)context).Id!.Value);
            return Rendezvous is null ? Task.Delay(10) : Rendezvous.ArriveAsync(Ids);
        }
    }

    /// <summary>Holds each arrival until as many distinct parties have arrived, or a few seconds have passed.</summary>
    public sealed class Rendezvous(int parties)
    {
        private readonly ConcurrentDictionary<object, bool> _arrived = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ArriveAsync(object party)
        {
            if (_arrived.TryAdd(party, true) && _arrived.Count >= parties)
            {
                _all.TrySetResult();
            }
            return Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromSeconds(5))).ContinueWith(_ => Task.Delay(10)).Unwrap();
        }
    }

    /// <summary>A broker that never confirms: the publish waits until its dispatcher is gone.</summary>
    public class HangingBroker : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            Task.Delay(Timeout.Infinite, args!.OfType<CancellationToken>().Single());
    }

    /// <summary>The time as a replica sees it some while from now.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
