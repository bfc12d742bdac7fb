using System.Diagnostics;
using Dapper;
using EcosystemMarket.TestSupport;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;

namespace EcosystemMarket.Benchmarks;

/// <summary>
/// Wins committed to an outbox, published by its dispatcher, carried by RabbitMQ, consumed by the Settlement
/// process and booked in its ledger: the clock runs from the first commit to the last win settled.
/// </summary>
public static class EndToEnd
{
    /// <param name="SettlementCpu">Processor time the Settlement process used; <paramref name="FeedCpu"/>: this process (outbox and dispatcher).</param>
    public sealed record Run(int Wins, TimeSpan Elapsed, TimeSpan SettlementCpu, TimeSpan FeedCpu, SettlementVerdict Verdict)
    {
        public double PerSecond => Wins / Elapsed.TotalSeconds;
        public double SettlementMicrosecondsPerWin => SettlementCpu.TotalMicroseconds / Wins;
        public double FeedMicrosecondsPerWin => FeedCpu.TotalMicroseconds / Wins;
    }

    public static async Task<Run> SettleAsync(SettlementSystem system, int count)
    {
        var wins = new SampleWins().Take(count);
        var ledger = system.Settlement.Resource.DatabasePath(system.Data);
        var target = await SettledAsync(ledger) + count;

        using var settlementProcess = Process.GetProcessById(system.Settlement.ProcessId!.Value);
        using var feedProcess = Process.GetCurrentProcess();
        var settlementCpu = settlementProcess.TotalProcessorTime;
        var feedCpu = feedProcess.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var batch in wins.Chunk(100))
        {
            await system.Feed.CommitAsync(batch);
        }
        while (await SettledAsync(ledger) < target)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Not settled within 10 minutes.\n{system.Settlement.Tail()}");
            }
            await Task.Delay(20);
        }
        var elapsed = clock.Elapsed;
        settlementProcess.Refresh();
        feedProcess.Refresh();
        settlementCpu = settlementProcess.TotalProcessorTime - settlementCpu;
        feedCpu = feedProcess.TotalProcessorTime - feedCpu;

        var checker = new SettlementChecker();
        checker.Expect(wins);
        using var settlement = system.Settlement.Client();
        return new Run(count, elapsed, settlementCpu, feedCpu, await checker.CheckAsync(settlement));
    }

    /// <summary>The size of one OpportunityWon as it crosses the broker: MassTransit's envelope, as the outbox publishes it.</summary>
    public static async Task<int> MessageSizeAsync(SettlementSystem system)
    {
        var factory = new ConnectionFactory { Uri = new Uri(system.Broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(queue, "EcosystemMarket.Contracts.V1:OpportunityWon", "");
        await system.Feed.PublishAsync(new SampleWins().Next(), Guid.NewGuid());
        while (true)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                return message.Body.Length;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// How many wins the ledger has settled, asked every 20 ms while the clock runs. Settlement never deletes a settled
    /// mark, so the largest rowid is their count, read at the right edge of the table; a COUNT on a fresh connection read
    /// the whole table each time, and took a fifth of this process's CPU from the machine under test.
    /// </summary>
    private static async Task<long> SettledAsync(string ledger)
    {
        await using var connection = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT MAX(rowid) FROM settled_opportunities;") ?? 0;
    }
}
