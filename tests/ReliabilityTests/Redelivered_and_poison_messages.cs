using System.Text;
using EcosystemMarket.TestSupport;
using RabbitMQ.Client;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>What Settlement, a real process on the real broker, does with a message it has seen before, and with one it can never handle.</summary>
public sealed class Redelivered_and_poison_messages(SettlementOnSharedBroker fixture) : IClassFixture<SettlementOnSharedBroker>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private SettlementSystem System => fixture.System;

    [Fact]
    public async Task The_same_win_delivered_a_hundred_times_is_booked_once()
    {
        var wins = new SampleWins(members: 1);
        var won = wins.Next();
        var checker = new SettlementChecker();
        checker.Expect(won);

        // All at once: several deliveries of the one message id are handled concurrently (prefetch), not one after another.
        var messageId = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => System.Feed.PublishAsync(won, messageId, Cancel)));

        await System.SettledAsync(wins.Owner, 1, Patience);
        Assert.True(await System.QuiescesAsync(Patience), "The hundred deliveries were not all handled.");
        using var settlement = System.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
        Assert.Equal(2, (await SettlementChecker.ReadLedgerAsync(settlement, wins.Owner, Cancel)).Entries.Count
                        + (await SettlementChecker.ReadLedgerAsync(settlement, wins.Members[0], Cancel)).Entries.Count);
    }

    [Fact]
    public async Task A_win_in_a_currency_that_is_not_iso_4217_lands_in_the_error_queue_with_the_exception_in_its_headers()
    {
        var wins = new SampleWins(members: 1);
        var poison = wins.Next() with { Currency = "usd" };
        var valid = wins.Next();
        var checker = new SettlementChecker();
        checker.Expect(valid);

        var poisonId = Guid.NewGuid();
        await System.Feed.PublishAsync(poison, poisonId, Cancel);
        await System.Feed.CommitAsync([valid], Cancel);

        var factory = new ConnectionFactory { Uri = new Uri(System.Broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Cancel);
        var failed = await Eventually.HoldsAsync(() => TryGetAsync(connection, $"{SettlementSystem.WinQueue}_error"), m => m is not null, Patience);

        Assert.NotNull(failed);
        var headers = failed.BasicProperties.Headers!.ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString());
        Assert.Equal("fault", headers["MT-Reason"]);
        Assert.Equal("EcosystemMarket.ServiceDefaults.Messaging.UnprocessableMessageException", headers["MT-Fault-ExceptionType"]);
        Assert.Contains("currency 'usd' is not an ISO 4217 code", headers["MT-Fault-Message"]);
        Assert.False(string.IsNullOrEmpty(headers["MT-Fault-StackTrace"]));
        Assert.Equal(poisonId.ToString(), failed.BasicProperties.MessageId);
        Assert.True(failed.BasicProperties.Persistent, "A failed message must survive a broker restart.");
        Assert.Contains(poison.OpportunityId.ToString(), Encoding.UTF8.GetString(failed.Body.Span));

        // The queue went on: the valid win behind it is booked, the poison one is not.
        await System.SettledAsync(wins.Owner, 1, Patience);
        Assert.True(await System.QuiescesAsync(Patience));
        using var settlement = System.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
    }

    /// <summary>One message from the queue, or null while the queue is empty or (MassTransit creates error queues on first use) missing.</summary>
    private static async Task<BasicGetResult?> TryGetAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true, Cancel);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }
}
