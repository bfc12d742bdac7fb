using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>A witness queue on the OpportunityWon exchange, to tell how often each win reached the broker.</summary>
public sealed class WinsWitness(string connectionString, string queue)
{
    private const string WonExchange = "EcosystemMarket.Contracts.V1:OpportunityWon";

    /// <summary>Settlement's consumer declared the exchange: the witness sees every win published from now on.</summary>
    public static async Task<WinsWitness> BindAsync(SettlementSystem system)
    {
        await using var queue = await WitnessQueue.BindAsync(system.Broker.ConnectionString, WonExchange);
        return new WinsWitness(system.Broker.ConnectionString, queue.Name);
    }

    public async Task<IReadOnlyList<Guid>> DrainAsync() =>
        (await WitnessQueue.DrainAsync(connectionString, queue)).Select(m => m.Message.GetProperty("opportunityId").GetGuid()).ToList();

    public static void AssertEachPublishedOnce(IEnumerable<OpportunityWon> wins, IReadOnlyList<Guid> published)
    {
        var twice = published.GroupBy(id => id).Count(g => g.Count() > 1);
        Assert.True(twice == 0, $"{twice} of {published.Distinct().Count()} wins were published more than once ({published.Count} publishes).");
        Assert.Equal(wins.Select(w => w.OpportunityId).Order(), published.Order());
    }

    /// <summary>Which dispatchers sent how many rows of an outbox: the replicas' shares.</summary>
    public static async Task<string> SentByAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        var claims = await connection.QueryAsync<(string Dispatcher, long Rows)>(
            "SELECT claimed_by, COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL GROUP BY claimed_by;");
        var errors = await connection.QueryAsync<(string Error, long Rows, long Attempts)>(
            "SELECT last_error, COUNT(*), MAX(attempts) FROM outbox_messages WHERE last_error IS NOT NULL GROUP BY last_error;");
        return "sent by " + string.Join(", ", claims.Select(c => $"{c.Dispatcher}: {c.Rows}")) +
            "; failed at least once: " + string.Join(", ", errors.Select(e => $"{e.Rows} rows ({e.Error}, up to {e.Attempts} attempts)"));
    }
}
