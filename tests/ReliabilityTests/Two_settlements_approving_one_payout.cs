using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// Two Settlement processes on one database, as two replicas run, and a vendor whose approval of one payout
/// reaches both at the same moment: the balance is paid once, the other approval is refused.
/// </summary>
public sealed class Two_settlements_approving_one_payout
{
    private const int Rounds = 5;
    private const int WinsPerRound = 4;
    private const decimal Bonus = 250m;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pay_each_balance_once_when_both_replicas_approve_it_at_once()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        await using var broker = new RabbitMqVirtualHost();
        await broker.InitializeAsync();
        // Settlement asks Partners for the owner's attested tier; an owner Partners does not know earns at the base tier.
        await using var directory = await DirectoryProcess.StartAsync(broker.ConnectionString);
        await using var system = await SettlementSystem.StartAsync(broker, directory.CallerSettings);
        await using var replica = new ServiceProcess("settlement", broker.ConnectionString, system.Data, TestTokens.SigningKey, directory.CallerSettings);
        await replica.StartAsync();

        using var first = new HttpClient { BaseAddress = system.Settlement.BaseAddress }.AsVendor(vendor);
        using var second = new HttpClient { BaseAddress = replica.BaseAddress }.AsVendor(vendor);
        using var admin = replica.Client();
        var program = await first.PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program",
            new { name = "Payout race program", currency = "USD", leadRegistrationBonus = Bonus, holdingPeriodDays = 0 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, program.StatusCode);

        var wins = new SampleWins();
        var outcomes = new List<(HttpStatusCode, HttpStatusCode)>();
        for (var round = 1; round <= Rounds; round++)
        {
            await system.Feed.CommitAsync(Enumerable.Range(0, WinsPerRound)
                .Select(_ => wins.Next() with { VendorId = vendor, DealRegistrationId = Guid.NewGuid() }), Cancel);
            await Eventually.HoldsAsync(() => OwedAsync(first, vendor), owed => owed == WinsPerRound * Bonus, Patience);

            using var start = new SemaphoreSlim(0, 2);
            var approvals = new[] { first, second }.Select(async client =>
            {
                await start.WaitAsync(Cancel);
                using var answer = await client.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = wins.Owner, currency = "USD" }, Cancel);
                return answer.StatusCode;
            }).ToList();
            start.Release(2);
            var statuses = await Task.WhenAll(approvals);
            outcomes.Add((statuses[0], statuses[1]));
            Assert.Equal(0m, await OwedAsync(second, vendor));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", outcomes.Select(o => $"{(int)o.Item1}/{(int)o.Item2}")));
        Assert.All(outcomes, o => Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { o.Item1, o.Item2 }.Order()));
        var payouts = (await SettlementChecker.ReadLedgerAsync(admin, wins.Owner, Cancel)).Entries.Where(e => e.Account == "payout").ToList();
        Assert.Equal(Rounds, payouts.Count);
        Assert.All(payouts, p => Assert.Equal(-WinsPerRound * Bonus, p.Amount));
    }

    /// <summary>What the vendor's program owes its partners: its account's balance, negated.</summary>
    private static async Task<decimal> OwedAsync(HttpClient vendorClient, string vendor)
    {
        var ledger = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/ledger", Cancel);
        return -ledger.GetProperty("balances").EnumerateArray().Where(b => b.GetProperty("currency").GetString() == "USD")
            .Sum(b => b.GetProperty("amount").GetDecimal());
    }
}
