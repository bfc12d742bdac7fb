using System.Reflection;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>The outbox marks a message sent only once the broker took it, and tries again until it does.</summary>
public sealed class Outbox_dispatcher : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-outbox-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).MigrateAsync([typeof(Database).Assembly], TestContext.Current.CancellationToken);
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

    private sealed record Row(Guid MessageId, string? SentAt, long Attempts, string? LastError);

    private async Task<Row> RowAsync()
    {
        await using var connection = await _database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.QuerySingleAsync<Row>("SELECT message_id AS MessageId, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError FROM outbox_messages;");
    }

    [Fact]
    public async Task A_message_the_broker_does_not_take_stays_unsent_and_goes_out_on_a_later_attempt_with_its_id()
    {
        var broker = DispatchProxy.Create<IBus, FlakyBroker>();
        ((FlakyBroker)(object)broker).Failures = 2;
        var dispatcher = new OutboxDispatcher(_database, broker, NullLogger<OutboxDispatcher>.Instance, new OutboxOptions { RetryBackoff = TimeSpan.Zero });
        await using (var unit = await _database.BeginAsync(TestContext.Current.CancellationToken))
        {
            await unit.PublishAsync(new OpportunityClosed { OpportunityId = Guid.NewGuid(), OwnerPartnerId = Guid.NewGuid(), Outcome = "lost", OccurredAt = DateTimeOffset.UtcNow },
                TestContext.Current.CancellationToken);
            await unit.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal((0, 1), await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        Assert.Equal((0, 1), await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        var failing = await RowAsync();
        Assert.Equal((null, 2L, "broker unreachable"), (failing.SentAt, failing.Attempts, failing.LastError));

        Assert.Equal((1, 0), await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
        var sent = await RowAsync();
        Assert.NotNull(sent.SentAt);
        Assert.Equal(3L, sent.Attempts);
        Assert.Equal([sent.MessageId], ((FlakyBroker)(object)broker).PublishedIds);
        Assert.Equal((0, 0), await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A bus whose first publishes fail, as they do while the broker is away or does not confirm.</summary>
    public class FlakyBroker : DispatchProxy
    {
        public int Failures { get; set; }
        public List<Guid> PublishedIds { get; } = [];

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name != nameof(IBus.Publish))
            {
                throw new NotSupportedException(method?.Name);
            }
            if (Failures-- > 0)
            {
                return Task.FromException(new InvalidOperationException("broker unreachable"));
            }
            var context = DispatchProxy.Create<PublishContext, MessageIdOnly>();
            foreach (var pipe in args!.OfType<IPipe<PublishContext>>())
            {
                pipe.Send(context).GetAwaiter().GetResult();
            }
            PublishedIds.Add(((MessageIdOnly)(object)context).Id!.Value);
            return Task.CompletedTask;
        }
    }

    /// <summary>A publish context that keeps the message id the dispatcher sets, and nothing else.</summary>
    public class MessageIdOnly : DispatchProxy
    {
        public Guid? Id { get; private set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            switch (method?.Name)
            {
                case "set_MessageId":
                    Id = (Guid?)args![0];
                    return null;
                case "get_MessageId":
                    return Id;
                default:
                    return method?.ReturnType.IsValueType == true ? Activator.CreateInstance(method.ReturnType) : null;
            }
        }
    }
}
